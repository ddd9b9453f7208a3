# The board report and its charts: titles, captions, labels, status words.

report-title = CTO scorecard
report-as-of = as of { $date }
report-as-of-unknown = no survey round of this quarter has closed yet
report-title-a = A · Tech strategy alignment
report-title-b = B · Engineering culture
report-title-c = C · Internal customer satisfaction
report-caption-a = of CEO, executives and board see the tech strategy as aligned
report-caption-b = of engineers are productive and happy at the same time
report-caption-c = weighted CSAT across the departments served
report-interval = 95% CI { $low }–{ $high } · n = { $n }
report-census = everyone invited answered: no sampling error
report-inflection-heading = Technical inflection points this quarter
report-inflection-none = No inflection point was assessed this quarter
report-more = +{ $n } more
report-quadrant-productive-happy = Productive & happy
report-quadrant-burnout-risk = Burnout risk
report-quadrant-friction = Friction
report-quadrant-neither = Neither
report-quadrants-heading = Engineers by quadrant (productive × happy)
report-enps = eNPS { $score }  (95% CI { $low } to { $high }, n = { $n })
report-attrition = Regretted top-talent attrition, 12 months
report-acceptance = Offer acceptance, this quarter
report-at-most = limit { $t }
report-at-least = at least { $t }
report-breach = breach
report-within = within
report-groups-heading = CSAT by reporting group (whisker = 95% CI)
report-weight = weight { $w }
report-fewer-than-k = { $k ->
    [one] fewer than { $k } response
   *[other] fewer than { $k } responses
}
report-protects-another = withheld to protect a smaller group
report-no-overall-answers = no answers to the overall question
report-zero-weight = its weight is zero
report-left-out = not counted
report-not-enough = Not enough data to compute this figure
report-no-hr-data = no HR data
report-lagging-no-headcount = no headcount data
report-lagging-no-top-talent = no top talent
report-lagging-no-offers = no offers
report-trend-heading = Last 8 quarters
report-changed = Changed: { $change } vs { $quarter }
report-no-real-change = No real change vs { $quarter } ({ $change }; 95% CI { $low } to { $high })
report-cant-tell = Can't tell vs { $quarter } ({ $change }; 95% CI { $low } to { $high })
report-coverage = covers { $share } of the weight
report-not-rated-coverage = not rated: too few departments reported
report-not-comparable = Not comparable with { $quarter } (groups, weights or survey changed)
report-points = { " pts" }
report-enps-points = { " pts" }
report-commentary = CTO's commentary
report-method-heading = Method
report-method-round = “{ $template }”, version { $version }: { $answered } of { $delivered } answered ({ $rate })
report-method-no-rounds = No survey round closed this quarter.
report-method-rules = { $k ->
    [one] Figures from fewer than { $k } answer are withheld.
   *[other] Figures from fewer than { $k } answers are withheld.
} Intervals: 95% Wilson score on the effective sample size (finite-population corrected). Favourable = 4 or 5 on a 1–5 scale.
report-method-weights = CSAT weights: { $weights }.
report-method-thresholds = Status: A amber below { $a } or on a late inflection point, red on a missed one; B red below { $b_red }, amber below { $b_amber }; C red below { $c_red } or a group below { $c_group }, amber below { $c_amber }.
report-method-doc = Full method: docs/methodology.md.
report-board = Board
report-rating-green = GREEN
report-rating-amber = AMBER
report-rating-red = RED
report-rating-not-rated = NOT RATED
report-assessment-ahead = ahead
report-assessment-on-time = on time
report-assessment-late = late
report-assessment-missed = MISSED
report-assessment-watching = watching
report-confirmation-confirmed = confirmed by the board
report-confirmation-unconfirmed = NOT YET CONFIRMED by the board
report-confirmation-disputed = DISPUTED by the board
report-drivers-heading = Top drivers
report-fix-first = fix first

# Each measure's status reason. The English clauses match the scoring engine's reason word for word.
# $value and $threshold are shares; $why says why a figure is missing.
reason-state-unconfirmed = (not yet confirmed by the board)
reason-state-disputed = (disputed by the board)
# An inflection point's title, quoted.
reason-point-title = '{ $title }'
# $state is empty or a space and a reason-state-* text.
reason-point-missed = the inflection point { $title } was assessed as missed{ $state }
reason-point-late = the inflection point { $title } was assessed as late{ $state }
reason-alignment-low = alignment is { $value } (below { $threshold })
reason-alignment-green = alignment is { $value } and no inflection point is late or missed
reason-unavailable-alignment = alignment is not available ({ $why })
reason-unavailable-productive-happy = the productive-and-happy share is not available ({ $why })
reason-unavailable-weighted-csat = weighted CSAT is not available ({ $why })
reason-attrition-breach = regretted top-talent attrition is { $value } (above { $threshold })
reason-acceptance-breach = offer acceptance is { $value } (below { $threshold })
reason-productive-happy-low = { $value } of engineers are productive and happy (below { $threshold })
reason-both-lagging = both lagging indicators breach: { $first } and { $second }
reason-productive-happy-green = { $value } of engineers are productive and happy and no lagging indicator breaches
reason-csat-low = weighted CSAT is { $value } (below { $threshold })
reason-group-low = the CSAT of group '{ $name }' is { $value } (below { $threshold })
reason-csat-green = weighted CSAT is { $value }
reason-coverage-low = too few departments reported (the groups in it cover { $share } of the weight, below { $threshold })

report-actions-heading = Actions ({ $total })
report-time-sales = Sales
report-time-marketing = Marketing
report-time-bd = BD
report-time-internal = Internal
report-time-unclassified = Unclassified
report-time-title = Where the CTO's time goes (calendar)
report-time-target = target
report-time-versus = Points vs target

## Why a figure cannot be computed: one message per cause the scoring engine names. English
## is the engine's own sentence word for word (the API sends that sentence as `reason`).
missing-no-answers = no answers
missing-no-alignment-answers = no respondent answered an alignment question
missing-no-culture-answers = no respondent answered both a productivity and a happiness question
missing-no-enps-answers = nobody answered the eNPS question
missing-no-question = the template { $template } v{ $version } has no { $role ->
        [csat_overall] overall-satisfaction (csat_overall)
       *[other] { $role }
    } question
missing-no-closed-round = no closed { $audience } round in { $quarter }
missing-several-closed-rounds = several closed { $audience } rounds in { $quarter }; the measure cannot choose one
missing-not-a-headline = not a headline figure
missing-no-group = no reporting group { $group }
missing-no-invitation-delivered = no invitation was delivered
missing-no-headcount-snapshot = no top-talent headcount snapshot between { $from } and { $to }
missing-zero-headcount = the top-talent headcount was zero throughout the window
missing-no-offers = no offers were accepted or declined in the quarter
missing-nothing-to-explain = no figure to explain
# The page showing this cause already says "Not computed"; the other languages leave it out here.
missing-drivers-not-computed = not computed: the round was sealed before key drivers existed (rebuilding its tallies computes them)
missing-too-few-for-drivers = fewer than { $min } respondents answered every item (or all gave the same answer)
missing-zero-weights = the weights of the reported groups sum to zero
missing-no-group-to-weigh = every reporting group was suppressed or had no answers to the overall item
missing-no-item = the { $template } round has no question { $item }
missing-no-favourable-share = { $item } has no favourable share
missing-no-sealed-round = no sealed { $template } round in { $quarter }
missing-not-measure-headline = { $metric } is not a measure's headline figure
missing-no-csat-question = { $template } has no CSAT question
