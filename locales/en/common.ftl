# Words every part shares: months, dates, quarters, numbers, department names.
# The code fills $month from month-N (dates written out) or month-short-N (the report's dates).

month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December
month-short-1 = Jan
month-short-2 = Feb
month-short-3 = Mar
month-short-4 = Apr
month-short-5 = May
month-short-6 = Jun
month-short-7 = Jul
month-short-8 = Aug
month-short-9 = Sep
month-short-10 = Oct
month-short-11 = Nov
month-short-12 = Dec
# "16 December 2026"
date-long = { $day } { $month } { $year }
# The report's dates: "30 Sep 2026"
date-report = { $day } { $month } { $year }
# The report header: "Q3 2026"
quarter-long = Q{ $number } { $year }
# A trend axis: "Q3 '26" ($yy has two digits)
quarter-short = Q{ $number } '{ $yy }
# A share: "66.7%"
percent = { $value }%
decimal-mark = .
# Between groups of three digits in counts: "12,345"
group-separator = ,
department-sales = Sales
department-bd = Business development
department-marketing = Marketing
department-engineering = Engineering & product
department-ceo = CEO's office
