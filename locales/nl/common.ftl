# Words every part shares: months, dates, quarters, numbers, department names.
# Dutch reports write months in full too, so month-short-N is the full name.

month-1 = januari
month-2 = februari
month-3 = maart
month-4 = april
month-5 = mei
month-6 = juni
month-7 = juli
month-8 = augustus
month-9 = september
month-10 = oktober
month-11 = november
month-12 = december
month-short-1 = januari
month-short-2 = februari
month-short-3 = maart
month-short-4 = april
month-short-5 = mei
month-short-6 = juni
month-short-7 = juli
month-short-8 = augustus
month-short-9 = september
month-short-10 = oktober
month-short-11 = november
month-short-12 = december
date-long = { $day } { $month } { $year }
date-report = { $day } { $month } { $year }
quarter-long = { $number }e kwartaal { $year }
quarter-short = K{ $number } '{ $yy }
percent = { $value }%
decimal-mark = ,
# Between groups of three digits in counts: "12.345"
group-separator = .
department-sales = Verkoop
department-bd = Business development
department-marketing = Marketing
department-engineering = Engineering & product
department-ceo = CEO-office
