# Words every part shares: months, dates, quarters, numbers, department names.
# German writes "16. Dezember 2026" and a no-break space before %; reports write months in full.

month-1 = Januar
month-2 = Februar
month-3 = März
month-4 = April
month-5 = Mai
month-6 = Juni
month-7 = Juli
month-8 = August
month-9 = September
month-10 = Oktober
month-11 = November
month-12 = Dezember
month-short-1 = Januar
month-short-2 = Februar
month-short-3 = März
month-short-4 = April
month-short-5 = Mai
month-short-6 = Juni
month-short-7 = Juli
month-short-8 = August
month-short-9 = September
month-short-10 = Oktober
month-short-11 = November
month-short-12 = Dezember
date-long = { $day }. { $month } { $year }
date-report = { $day }. { $month } { $year }
quarter-long = { $number }. Quartal { $year }
quarter-short = Q{ $number }/{ $yy }
percent = { $value } %
decimal-mark = ,
# Between groups of three digits in counts: "12.345"
group-separator = .
department-sales = Vertrieb
department-bd = Business Development
department-marketing = Marketing
department-engineering = Engineering & Produkt
department-ceo = CEO-Büro
