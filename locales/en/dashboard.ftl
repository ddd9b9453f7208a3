# The bodies of the CTO dashboard and the board page: the scorecard they share, the open
# rounds, the register, the action plans and the time summary.
# Figures reach these messages already written in the language's form (shares, decimals);
# counts ($n, $answered, …) are numbers, so the plural form follows them.

## The CTO dashboard

dash-title = CTO dashboard
dash-time-heading = Where your time goes
dash-time-none = No calendar imported yet.
dash-time-link = Import a calendar, see every event and the rule that classified it
dash-open-heading = Open rounds
dash-open-none = No round is open.
dash-commentary-heading = Commentary for { $quarter }
dash-commentary-label = Shown on the board report (at most 600 characters)
dash-commentary-save = Save commentary
dash-point-heading = Add an inflection point
dash-point-title = Title
dash-point-first-seen = First seen (quarter)
dash-point-description = Description
dash-point-add = Add

## The board page

dash-board-title = Board
dash-board-heading = Board: how is the CTO doing?
dash-board-report = Quarterly report
dash-board-pack = Board pack (PDF: the report, method, items per group, register, time split and actions):
dash-board-download = Download:
dash-board-png-in = PNG in
dash-board-open-full = Open the report full size
dash-board-report-alt = The quarterly board report for { $quarter }; the same figures are in the cards below.
dash-board-time-note = From the CTO's calendar, against the article's split (70 % outside, 30 % inside). Quarterly shares only.

## The scorecard

dash-jump-label = On this page
dash-jump = Jump to:
dash-measures = Measures
dash-as-of = as of { $date }
dash-commentary-by = — the CTO
dash-last-eight = Last eight quarters
dash-col-quarter = Quarter
dash-col-value = Value
dash-groups-region = Reporting groups, { $round }
dash-groups-caption = Reporting groups
dash-col-group = Group
dash-col-weight = Weight
dash-col-answered = Answered
dash-col-csat = CSAT
dash-col-change = Change since last quarter
dash-items-region = Items, { $round }
dash-items-caption = Items, all groups
dash-col-question = Question
dash-col-result = Result
dash-col-distribution = Distribution
dash-drivers-heading = What drives it
dash-drivers-intro = Each item's share of what the answers explain about the outcome (Shapley decomposition of R²; 95% bootstrap intervals). Items above an equal share with a below-average favourable share are marked “Fix first”. See docs/methodology.md.
dash-drivers-region = Drivers, { $title }
dash-col-item = Item
dash-col-explained = Share of explained (R² part; 95%)
dash-col-explained-short = Share of explained
dash-col-favourable = Favourable
dash-col-priority = Priority
dash-drivers-chart = Importance against favourable share; numbers match the table
dash-comments = Comments
dash-comments-none = No comments that pass the threshold.
dash-comments-all = Show all comments
dash-comments-sample = { $shown } of { $total } comments shown: up to { $per } per group and question, picked at random.
dash-no-round = No round has closed yet. Results appear here once the first round closes.

dash-measure-a = Tech strategy alignment
dash-measure-b = Engineering culture: productive and happy
dash-measure-c = Internal CSAT (weighted)
dash-trend-a = Tech strategy alignment, last eight quarters; the figures are in the table below
dash-trend-b = Productive and happy, last eight quarters; the figures are in the table below
dash-trend-c = Weighted internal CSAT, last eight quarters; the figures are in the table below
dash-rating-green = Green
dash-rating-amber = Amber
dash-rating-red = Red
dash-rating-not-rated = Not rated

dash-census = census of { $n } (no sampling error)
dash-interval = 95% interval { $low }–{ $high }, n = { $n }
dash-withheld = withheld: { $reason }
dash-not-enough = not enough data: { $reason }
dash-withheld-paren = withheld ({ $reason })
dash-not-enough-paren = not enough data ({ $reason })
dash-withheld-word = withheld
dash-no-data = no data
dash-fewer-than-k = { $k ->
    [one] fewer than { $k } answer
   *[other] fewer than { $k } answers
}
dash-protects-another = withheld so that a smaller withheld group cannot be worked out from the total
dash-below-comment-threshold = { $threshold ->
    [one] comments need at least { $threshold } answer in the group
   *[other] comments need at least { $threshold } answers in the group
}
dash-coverage = Covers { $share } of the weight
dash-coverage-low = Covers { $share } of the weight, below the { $threshold } needed to rate it
dash-across-reported = { $value } across the groups that reported; { $interval }
dash-enps = eNPS
dash-enps-value = { $score } (95% interval { $low } to { $high }, n = { $n })
dash-quadrants = Quadrants
dash-quadrants-value = { $happy } productive & happy · { $burnout } burnout risk · { $friction } friction · { $neither } neither
dash-attrition = Regretted top-talent attrition
dash-acceptance = Offer acceptance
dash-ratio = { $share } ({ $numerator } of { $denominator })
dash-breached-above = breached: above the { $limit } limit
dash-breached-below = breached: below the { $limit } limit
dash-within-above = within the limit (breach above { $limit })
dash-within-below = within the limit (breach below { $limit })
dash-breach-above = breach above { $limit }
dash-breach-below = breach below { $limit }
dash-group-weight = { $csat } (weight { $weight })
dash-left-out = left out: { $why }
dash-top-drivers = Top drivers
dash-round-participation = { $answered } of { $delivered } invited answered ({ $rate }); k = { $k }
dash-group-participation = { $answered } of { $delivered } ({ $rate })
dash-item-favourable-mean = { $favourable } favourable, mean { $mean }, n = { $n }
dash-item-mean = mean { $mean }, n = { $n }
dash-item-n = n = { $n }
dash-distribution = distribution: { $counts }
dash-comments-withheld = { $n ->
    [one] Comments of { $n } group are withheld: fewer answers than the comment threshold.
   *[other] Comments of { $n } groups are withheld: fewer answers than the comment threshold.
}
dash-roster-changed = { $n ->
    [one] { $template }: the roster changed once in the 7 days before launch ({ $date }). Check the audit log.
   *[other] { $template }: the roster changed { $n } times in the 7 days before launch ({ $date }). Check the audit log.
}

## Changes since an earlier quarter ($change, $low and $high are signed points)

dash-change-interval = { $change } points (95% interval { $low } to { $high }; adjusted p { $p })
dash-p-below = < { $p }
dash-p-equal = = { $p }
dash-change-changed = Changed since { $quarter }: { $interval }
dash-change-no-real = No real change since { $quarter }: { $interval }, within ±10 points
dash-change-cant-tell = Can't tell since { $quarter }: { $interval }
dash-change-not-comparable = Not comparable with { $quarter }: { $reason }
change-why-template = the survey changed (version { $from }, now { $to })
change-why-new-group = the earlier round had no group { $group }
change-why-groups = the reporting groups differ (then { $before }; now { $after })
change-why-weights = the group weights differ

## Key drivers

dash-priority-fix-first = Fix first
dash-priority-keep-up = Keep it up
dash-priority-lower = Lower priority
dash-priority-overkill = Possible overkill
dash-engineers = Engineers
dash-driver-title = { $whose }: what drives “{ $outcome }”
dash-driver-fit = { $n ->
    [one] R² = { $r2 } (95% { $low }–{ $high }) over { $n } respondent who answered every item
   *[other] R² = { $r2 } (95% { $low }–{ $high }) over { $n } respondents who answered every item
}
dash-importance = { $share } ({ $estimate }; 95% { $low }–{ $high })
dash-not-shown = Not shown: { $reason }.
dash-not-computed = Not computed: { $reason }.
# The engine's own sentence for this cause begins "not computed", so it is not wrapped in dash-not-computed.
dash-drivers-predate = Not computed: the round was sealed before key drivers existed (rebuilding its tallies computes them).
dash-top-driver = { $whose }: { $item } (explains { $share } of the variation)
dash-top-driver-fix = { $whose }: { $item } (explains { $share } of the variation; fix first)
dash-matrix-x = favourable share
dash-matrix-y = share of explained
dash-matrix-title = Fix first ↖ — { $group }

## Open rounds

dash-open-summary = { $counts }; closes { $date }
dash-open-summary-at = { $counts } as of { $time } UTC; closes { $date }
dash-open-counts = { $answered } of { $delivered } answered ({ $rate })
dash-open-invited = { $invited } invited; { $why }
dash-open-fewer-than-k = withheld: this group has fewer than { $k } invitations (k = { $k })
dash-open-protects = withheld: shown, it would reveal a smaller group's count by subtraction
dash-open-round-below-k = withheld: this round has fewer than { $k } invitations (k = { $k })
dash-open-strict = withheld: strict mode is on; per-group progress is for admins only
dash-open-not-counted = counts are taken at the start of each hour; the first is at { $hour }:00 UTC

## The inflection-point register

dash-register = Inflection-point register
dash-register-none = No inflection points yet.
dash-col-point = Point
dash-col-assessment = Assessment
dash-col-board = Board
dash-col-action = Action
dash-first-seen = first seen { $quarter }
dash-not-assessed = not assessed
dash-note = Note
dash-note-placeholder = note
dash-note-dispute = note (needed to dispute)
dash-assess = Assess
dash-confirm = Confirm
dash-dispute = Dispute
dash-assessment-ahead = ahead
dash-assessment-on-time = on time
dash-assessment-watching = watching
dash-assessment-late = late
dash-assessment-missed = missed
dash-confirmation-confirmed = confirmed
dash-confirmation-unconfirmed = unconfirmed
dash-confirmation-disputed = disputed

## Action plans

dash-actions = Actions
dash-plans-heading = Action plans
dash-plans-intro = What the CTO will do about sealed rounds' figures. Admins record and update them; the figures they follow are on the CTO's dashboard and the board page.
dash-actions-none = No action recorded yet.
dash-actions-none-edit = Record one below once a round is sealed.
dash-actions-moved = Done, and did it move?
dash-actions-no-later = no later quarter to compare yet
dash-action-meta = { $status } · owner { $owner } · due { $due }
dash-action-answers = Answers to { $about }
dash-action-round = { $survey } ({ $quarter })
dash-action-follow = Follow-through of { $title }
dash-col-linked = Linked figure
dash-action-status = Status
dash-action-due = Due
dash-action-owner = Owner
dash-action-update = Update
dash-action-record = Record an action
dash-action-none-sealed = Actions answer to a sealed round's figures; none is sealed yet.
dash-action-target = What it answers to
dash-action-title-hint = What will be done, in a sentence (at most 200 characters). Required in { $language }; respondents whose language is missing read that one.
dash-action-due-quarter = Due (quarter)
dash-action-title-in = Title ({ $language })
dash-action-note-in = Public note ({ $language })
dash-action-note-hint = Public notes: at most 500 characters each. Dropping an action needs one in { $language }.
dash-action-submit = Record action
dash-status-planned = Planned
dash-status-in-progress = In progress
dash-status-done = Done
dash-status-dropped = Dropped
dash-link-alignment = Alignment (measure A)
dash-link-productive-happy = Productive and happy (measure B)
dash-link-enps = eNPS (measure B)
dash-link-weighted-csat = Weighted CSAT (measure C)
dash-link-group = { $group } CSAT
dash-link-item = “{ $item }”
dash-link-item-in = “{ $item }” in { $group }
dash-link-driver = Key driver “{ $item }” ({ $whose })
dash-link-engineers = engineers
dash-follow-share = { $value } (95% { $low }–{ $high }, n = { $n })
dash-follow-points = { $value } (95% { $low } to { $high }, n = { $n })
dash-follow-none = no figure ({ $reason })

## The time summary

dash-time-region = Time split { $quarter }
dash-time-caption = { $quarter }: { $hours } h of work time
dash-col-category = Category
dash-col-hours = Hours
dash-col-share = Share
dash-col-target = Target
dash-col-deviation = Deviation (points)
dash-time-internal = Internal
dash-time-internal-engineering = engineering & product
dash-time-internal-executive = CEO, executives, board
