# The settings pages: departments and weights, staff users and a new password shown once,
# schedules, the audit log, and where the CTO's time goes.
# Placeables in { $name } are filled by the page; a few are split out where the page puts
# markup (a link, bold text, code).

## Departments and weights

dep-intro = Measure C, the internal CSAT, weighs each department's satisfaction by these weights. Only their proportions matter: 35 / 100 and 7 / 20 are the same.
dep-notice = Open and closed rounds keep the weights they were launched with. A change here applies to rounds launched from now on; no past quarter changes.
dep-col-department = Department
dep-col-weight = CSAT weight
dep-col-share = Share now
dep-help = Numbers from 0 to 1000; at least one above 0. The board is an audience, not a department: it has no weight.
dep-save = Save weights
dep-none-changed = No weight changed.
dep-changed = { $n } weight(s) changed. Rounds launched from now on use them; open and closed rounds keep the weights they were launched with.
dep-nothing-saved = Nothing was saved: { $problems }.
dep-error-range = the CSAT weight of { $department } must be a number from 0 to { $max }, not { $value }
dep-error-number = the CSAT weight of { $department } must be a number, not "{ $text }"
dep-error-all-zero = at least one department needs a CSAT weight above 0

## Staff users

usr-intro = Staff accounts: admins run rounds and the roster, the CTO reads every result and keeps the register, board members read the scorecard. There must always be one active admin.
usr-col-role = Role
usr-col-status = Status
usr-col-last = Last sign-in
usr-col-actions = Actions
usr-you = (you)
usr-added = added { $when }
usr-role-of = Role of { $email }
usr-change = Change
usr-active = active
usr-disabled = disabled
usr-disable = Disable
usr-enable = Enable
usr-new-password = New password
usr-add-heading = Add a user
usr-add-submit = Add user
usr-add-help = A password is made for the new account and shown to you once, on the next page. Give it to them in person or through a channel you trust.
usr-never = never
usr-role-cto = cto
usr-role-board = board
usr-role-admin = admin
usr-notice-disabled = { $email } disabled; { $n } session(s) ended.
usr-notice-enabled = { $email } can sign in again.
usr-notice-role = { $email } is now { $role }.
usr-error-email = Email: invalid email "{ $value }".
usr-error-role = Role: unknown role "{ $value }" (expected admin, cto or board).
usr-error-exists = A user with email { $email } already exists. Nothing was changed.
usr-error-not-found = No user with email { $email }.
usr-error-last-admin = { $email } is the last active admin; make another account admin first. Nothing was changed.

## A password shown once

pwd-title = Password
pwd-created = Account created
pwd-reset = New password set
# { $account } is shown in bold.
pwd-account-created = { $account } ({ $role }).
pwd-account-reset = { $account } ({ $role }): every session of this account has ended.
pwd-once = Their password, shown this one time only — it is stored only as a hash:
# { $command } is a command line, shown as code.
pwd-give = Give it to them in person or through a channel you trust. If it is lost, make a new one from the Users page (or with { $command }).
pwd-back = Back to users

## Schedules

sch-intro = A survey with a schedule runs by itself every quarter: it is launched on its day at { $hour }:00 ({ $timezone }), those who have not answered are reminded on the chosen days after launch, and it is closed and sealed at the end of its last day. Nobody is reminded twice within { $cooldown } hours, whoever sends the reminder.
sch-list-heading = Surveys on a schedule
# { $admin } is the link to the Admin page.
sch-none = No survey has a schedule yet: every step is done by hand on the { $admin } page. Set one below.
sch-col-survey = Survey
sch-col-launch = Launch day
sch-col-open = Open
sch-col-reminders = Reminders
sch-col-quarter = This quarter
sch-col-next = Next
sch-remove = Remove
sch-merging = (merging { $merges })
sch-disabled = — disabled
sch-days-open = { $n } days
sch-reminders-none = none
sch-reminders-days = days { $days }
sch-date-launch = { $quarter }: launch { $date }
sch-date-remind = remind { $date }
sch-date-last = last day { $date }
sch-next = { $step } ({ $quarter }) — { $at }
sch-next-none = nothing (disabled)
sch-set-heading = Set a schedule
sch-set-help = Setting a survey's schedule again replaces it. Days count from the quarter's first day (day 1); the round must close within the quarter.
sch-field-launch = Launch on day of the quarter
sch-field-open = Days open (counting the launch day)
sch-field-reminders = Remind on days after launch (comma-separated; empty for none)
sch-field-merge = Merge departments for reporting (e.g. ceo+bd; optional)
sch-field-enabled = Enabled
sch-save = Save schedule
sch-recent = Recent scheduled steps
sch-col-when = When
sch-col-step = Step
sch-col-outcome = What happened
sch-error-launch-day = the launch day must be a whole number of days, not "{ $value }"
sch-error-days-open = days open must be a whole number of days, not "{ $value }"
sch-saved = Schedule of { $survey } saved.
sch-removed = Schedule of { $survey } removed; its rounds stay as they are.

## The audit log

aud-intro = The { $n } most recent staff actions, newest first (times in UTC). Survey answers and comments are never recorded here.
aud-empty = Nothing has been recorded yet.
aud-col-when = When
aud-col-who = Who
aud-col-action = Action
aud-col-object = Object
aud-col-detail = Detail

## Where the CTO's time goes

tim-title = Where the CTO's time goes
tim-intro = The article's split: 70 % outside (sales and customers 35 %, marketing, evangelism and analysts 20 %, business development and partners 15 %), 30 % inside. Measured from the calendar; overlapping meetings never count more than the clock. Unclassified time is shown as such.
tim-quarter = Quarter
tim-show = Show
tim-split-for = Split for { $quarter }
tim-trend-region = Eight-quarter trend
tim-trend-caption = Quarter by quarter (shares of work time)
tim-col-sales = Sales
tim-col-marketing = Marketing
tim-col-bd = BD
tim-col-internal = Internal
tim-col-unclassified = Unclassified
tim-import-heading = Import a calendar
tim-import-intro = An .ics export from Google Calendar, Outlook or Apple Calendar (at most { $mb } MB a file). Re-importing a range replaces it; nothing is written unless every file is valid. Stored: start, end, category and the rule that chose it — never attendees.
tim-files-label = Calendar files (.ics)
tim-import = Import
tim-hours-heading = A week without a calendar
tim-week-of = Week of
tim-category = Category
tim-hours = Hours
tim-save-hours = Save hours
tim-rules-heading = Classification rules
tim-rules-intro = First match wins: a calendar category, then an attendee's domain (customers before partners before analysts and press), then a title keyword in this order; otherwise the event stays unclassified. Your own domains never count. Rules apply from the next import; correct a single event below.
tim-rules-region = Rules
tim-col-kind = Kind
tim-col-pattern = Pattern
tim-col-action = Action
tim-remove = Remove
tim-kind-domain = attendee domain
tim-kind-keyword = title keyword
tim-kind-calendar-category = calendar category
tim-add-rule = Add rule
tim-events-heading = Events of { $quarter } ({ $n })
tim-events-none = No calendar events in this quarter.
tim-events-region = Events
tim-col-start = Start (UTC)
tim-col-rule = Rule
tim-col-override = Override
tim-overridden = (overridden; rules said { $category })
tim-by-rules = (rules)
tim-set = Set
tim-cat-sales = Sales / customers
tim-cat-marketing = Marketing / evangelism / analysts
tim-cat-bd = BD / partners
tim-cat-internal-engineering = Internal: engineering & product
tim-cat-internal-executive = Internal: CEO, executives, board
tim-cat-not-work = Not work time
tim-cat-unclassified = Unclassified
tim-nothing-written = Nothing was written: { $problem }
tim-choose-file = Nothing was written: choose an .ics file first.
tim-too-large = Nothing was written: a file is larger than { $mb } MB, the most accepted. Export a shorter range, or use { $command }.
tim-unreadable = the upload could not be read: { $problem }
tim-too-many = at most { $n } files at once
tim-field-too-long = the form field "{ $name }" is too long
tim-imported = { $n } event(s) imported from { $from } to { $to }; { $replaced } replaced.
tim-hours-saved = Week of { $monday }: { $hours } h of { $category }.
tim-override-cleared = Override cleared.
tim-event-set = Event set to { $category }.
tim-rule-added = Rule { $rule } added; it applies from the next import.
tim-rule-removed = Rule removed; it applies from the next import.
