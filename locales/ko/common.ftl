# Words every part shares: months, dates, quarters, numbers, department names.
# Korean writes months as numbers, so month-N and month-short-N are "N월".

month-1 = 1월
month-2 = 2월
month-3 = 3월
month-4 = 4월
month-5 = 5월
month-6 = 6월
month-7 = 7월
month-8 = 8월
month-9 = 9월
month-10 = 10월
month-11 = 11월
month-12 = 12월
month-short-1 = 1월
month-short-2 = 2월
month-short-3 = 3월
month-short-4 = 4월
month-short-5 = 5월
month-short-6 = 6월
month-short-7 = 7월
month-short-8 = 8월
month-short-9 = 9월
month-short-10 = 10월
month-short-11 = 11월
month-short-12 = 12월
date-long = { $year }년 { $month } { $day }일
date-report = { $year }년 { $month } { $day }일
quarter-long = { $year }년 { $number }분기
quarter-short = { $yy }.{ $number }Q
percent = { $value }%
decimal-mark = .
# Between groups of three digits in counts: "12,345"
group-separator = ,
department-sales = 영업
department-bd = 사업개발
department-marketing = 마케팅
department-engineering = 엔지니어링·제품
department-ceo = CEO실
