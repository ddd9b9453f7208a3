//! `ctopulse demo`: the seeded company tells the story it promises, and seeding twice adds
//! nothing.

use std::sync::Arc;

use crate::helpers::TestApp;
use ctopulse::app::rounds;
use ctopulse::app::scorecard::{self, LoadedScorecard, Options};
use ctopulse::demo::{self, story, Seeded};
use ctopulse::domain::quarter::Quarter;
use ctopulse::domain::scoring::change::{ChangeState, Direction};
use ctopulse::domain::scoring::csat::LeftOutReason;
use ctopulse::domain::scoring::drivers::report::Priority;
use ctopulse::domain::scoring::status::Rating;
use ctopulse::domain::scoring::trend::Metric;
use ctopulse::domain::scoring::{Figure, Suppression};
use rand::SeedableRng;

/// A small company keeps the test fast; the story holds at any size from the minimum up.
const EMPLOYEES: usize = 80;

const TABLES: [&str; 16] = [
    "employees",
    "rounds",
    "invitations",
    "invitation_links",
    "responses",
    "answers",
    "tallies",
    "outbox",
    "hr_events",
    "inflection_points",
    "inflection_assessments",
    "commentaries",
    "time_entries",
    "time_rules",
    "actions",
    "action_texts",
];

pub(crate) async fn seed(app: &TestApp) -> Seeded {
    demo::seed(
        &app.pool,
        app.state.settings.clone(),
        app.state.mailer.clone(),
        &app.state.templates,
        ctopulse::clock::now(),
        EMPLOYEES,
        &indicatif::ProgressBar::hidden(),
    )
    .await
    .expect("seed")
}

fn counts(app: &TestApp) -> Vec<(&'static str, i64)> {
    TABLES.iter().map(|t| (*t, app.count(t))).collect()
}

fn card(app: &TestApp, quarter: Quarter) -> LoadedScorecard {
    let opts = Options {
        include_comments: true,
        comment_sample: None,
        thresholds: app.settings.thresholds,
        fiscal_year_start_month: app.settings.fiscal_year_start_month,
    };
    scorecard::load(
        &mut app.conn(),
        Some(quarter),
        &opts,
        &mut rand::rngs::StdRng::seed_from_u64(1),
    )
    .unwrap_or_else(|e| panic!("scorecard of {quarter}: {e}"))
}

/// The headline figures whose change since the quarter before is real.
fn headline_changes(card: &LoadedScorecard) -> Vec<Metric> {
    card.scorecard
        .changes
        .iter()
        .filter(|c| c.group.is_none() && matches!(c.state, ChangeState::Changed { .. }))
        .map(|c| c.metric)
        .collect()
}

#[tokio::test]
async fn the_demo_tells_its_story_and_seeding_twice_adds_nothing() {
    // 80 employees give sales about 15 answers a quarter: below the default minimum for key
    // drivers, so this company asks for 10.
    let app = TestApp::spawn_adjusted(&[], |s| s.drivers.min_respondents = 10).await;
    let Seeded::Fresh(report) = seed(&app).await else {
        panic!("a new database is seeded");
    };
    assert_eq!(report.employees, EMPLOYEES);
    assert_eq!(report.sealed_rounds, 24);
    // Admin, CTO and board sign-ins, printed once; the passwords really work.
    assert_eq!(report.sign_ins.len(), 3);
    assert_eq!(app.count("users"), 3);
    let cto = report
        .sign_ins
        .iter()
        .find(|l| l.starts_with("cto"))
        .unwrap();
    let password = cto.split_whitespace().last().unwrap();
    let hash: String = {
        use diesel::prelude::*;
        ctopulse::db::schema::users::table
            .filter(ctopulse::db::schema::users::role.eq("cto"))
            .select(ctopulse::db::schema::users::password_hash)
            .first(&mut *app.conn())
            .unwrap()
    };
    assert!(ctopulse::auth::password::verify(password, &hash));
    assert!(!hash.contains(password), "only the hash is stored");
    let before = counts(&app);
    assert!(matches!(seed(&app).await, Seeded::AlreadyThere));
    assert_eq!(counts(&app), before, "a second seed writes nothing");

    let history: Vec<Quarter> = report.quarters.iter().map(|q| q.parse().unwrap()).collect();
    assert_eq!(history.len(), story::HISTORY);
    let today = Quarter::containing(ctopulse::clock::now().date(), 1);
    assert_eq!(history[story::HISTORY - 1], today.prev());
    assert_eq!(
        scorecard::quarter_or_latest(&mut app.conn(), None).unwrap(),
        today.prev()
    );

    // The CTO's calendar, imported through the real import: drawn inward during the
    // attrition spike, back near the article's 35/20/15/30 by the last closed quarter.
    assert!(report.calendar_events > 2_000, "{}", report.calendar_events);
    let cfg = ctopulse::app::time_split::TimeSplitConfig::from_settings(&app.settings);
    let splits = ctopulse::app::time_split::splits(&mut app.conn(), &history, &cfg).unwrap();
    let share = |h: usize, k: &str| splits[h].split.line(k).unwrap().share.unwrap();
    assert!(
        share(story::ATTRITION_SPIKE, "internal") > 55.0,
        "{}",
        share(story::ATTRITION_SPIKE, "internal")
    );
    assert!(share(story::ATTRITION_SPIKE, "sales") < 25.0);
    let last = story::HISTORY - 1;
    for (k, target) in [
        ("sales", 35.0),
        ("marketing", 20.0),
        ("bd", 15.0),
        ("internal", 30.0),
    ] {
        assert!(
            (share(last, k) - target).abs() < 6.0,
            "{k}: {} vs {target}",
            share(last, k)
        );
    }
    assert!(
        share(last, "unclassified") > 0.0,
        "a little time no rule knows"
    );
    let cards: Vec<LoadedScorecard> = history.iter().map(|q| card(&app, *q)).collect();
    for (h, c) in cards.iter().enumerate() {
        let sc = &c.scorecard;
        assert_eq!(sc.rounds.len(), 3, "{}: three sealed rounds", sc.quarter);
        // Both lagging indicators have a value in every quarter.
        let lag = &sc.measure_b.lagging;
        assert!(
            lag.regretted_top_talent_attrition.value.value().is_some(),
            "{h}"
        );
        assert!(lag.offer_acceptance.value.value().is_some(), "{h}");
        // One quarter, and only one, holds a real change of a headline figure.
        let big = headline_changes(c);
        if h == story::SURPRISE {
            assert!(big.contains(&Metric::ProductiveAndHappy), "{big:?}");
        } else if h > 0 {
            assert!(big.is_empty(), "{}: unexpected change {big:?}", sc.quarter);
        }
    }

    // The late point turns A amber; the missed one red.
    let a = |h: usize| cards[h].scorecard.measure_a.status.rating;
    assert_eq!(a(story::LATE), Rating::Amber);
    assert_eq!(a(story::MISSED), Rating::Red);
    assert!(cards[story::MISSED]
        .scorecard
        .measure_a
        .status
        .reason
        .contains("Generative AI"));

    // BD answered below k once: its CSAT is left out of measure C, suppressed.
    let c = &cards[story::BD_BELOW_K].scorecard.measure_c;
    let bd = c
        .groups_left_out
        .iter()
        .find(|g| g.group == "bd")
        .expect("bd is left out");
    assert!(matches!(
        bd.reason,
        LeftOutReason::Suppressed {
            rule: Suppression::FewerThanK { .. }
        }
    ));
    for h in (0..story::HISTORY).filter(|h| *h != story::BD_BELOW_K) {
        let used = &cards[h].scorecard.measure_c.groups_used;
        assert!(used.iter().any(|g| g.group == "bd"), "{h}: bd reported");
    }

    // Sales CSAT slides for two quarters, drops below half (C red) and recovers.
    let sales = |h: usize| {
        cards[h]
            .scorecard
            .measure_c
            .groups_used
            .iter()
            .find(|g| g.group == "sales")
            .map(|g| g.csat)
            .expect("sales reported")
    };
    assert!(sales(story::SALES_LOW - 1) < sales(story::SALES_LOW - 2));
    assert!(sales(story::SALES_LOW) < 0.5);
    assert!(sales(story::SALES_LOW + 2) > sales(story::SALES_LOW - 2) - 0.05);
    assert_eq!(
        cards[story::SALES_LOW].scorecard.measure_c.status.rating,
        Rating::Red
    );

    // The key drivers fit the story: where sales slid, the customer meetings the CTO joins
    // drive sales' satisfaction, and slid with it, so they are the item to fix first.
    for q in [story::SALES_LOW - 1, story::SALES_LOW] {
        let round = cards[q]
            .scorecard
            .rounds
            .iter()
            .find(|r| r.template.key == "internal-csat")
            .unwrap();
        let sales = round
            .drivers
            .iter()
            .find(|d| d.analysis == "sales")
            .unwrap();
        let top = &sales.figure.value().expect("sales drivers are shown").items[0];
        assert_eq!(top.item, "sales_customer_meetings", "{q}: {sales:?}");
        if q == story::SALES_LOW {
            assert_eq!(top.priority, Some(Priority::FixFirst), "{q}: {sales:?}");
        }
    }
    assert!(!cards[story::SALES_LOW]
        .scorecard
        .measure_c
        .top_drivers
        .is_empty());

    // Regretted top-talent attrition spikes: both lagging indicators breach, B is red.
    let spike = &cards[story::ATTRITION_SPIKE].scorecard.measure_b;
    assert_eq!(
        spike.lagging.regretted_top_talent_attrition.breach,
        Some(true)
    );
    assert_eq!(spike.lagging.offer_acceptance.breach, Some(true));
    assert_eq!(spike.status.rating, Rating::Red);
    let first = &cards[0].scorecard.measure_b.lagging;
    assert_eq!(first.regretted_top_talent_attrition.breach, Some(false));

    // The latest quarter: commentary, comments that pass the threshold, in three languages.
    let latest = &cards[story::HISTORY - 1];
    assert!(latest.commentary.is_some());
    let comments: Vec<String> = latest
        .scorecard
        .rounds
        .iter()
        .flat_map(|r| &r.comments)
        .filter_map(|b| match &b.comments {
            Figure::Shown { value } => Some(value.clone()),
            _ => None,
        })
        .flatten()
        .collect();
    assert!(!comments.is_empty(), "some comments are shown");

    // The open round: invitations mailed through the outbox, about 40 % answered.
    let open: Vec<ctopulse::db::rounds::Round> = ctopulse::db::rounds::list(&mut app.conn())
        .unwrap()
        .into_iter()
        .filter(|r| r.status.key() == "open")
        .collect();
    assert_eq!(open.len(), 1);
    assert_eq!(open[0].quarter, today);
    assert_eq!(open[0].template_key, "internal-csat");
    let progress = rounds::progress(&mut app.conn(), open[0].id).unwrap();
    let rate = progress.overall.response_rate.unwrap();
    assert!((0.35..=0.45).contains(&rate), "{rate}");
    assert_eq!(report.current.emailed as i64, progress.overall.invited);
    assert_eq!(app.mailbox.sent().len(), report.current.emailed);
    assert_eq!(progress.emails_pending, 0);

    // The actions fit the story: the deal review after sales bottoms out, done, and sales
    // changed up since; the cloud environments before the last quarter's jump.
    let opts = Options {
        include_comments: false,
        comment_sample: None,
        thresholds: app.settings.thresholds,
        fiscal_year_start_month: app.settings.fiscal_year_start_month,
    };
    let all = ctopulse::app::actions::list(&mut app.conn()).unwrap();
    assert_eq!(all.len(), 6);
    let followed = ctopulse::app::actions::follow::follow(&mut app.conn(), all, &opts).unwrap();
    let titled = |t: &str| {
        followed
            .iter()
            .find(|f| f.action.texts.0[&ctopulse::domain::locale::Locale::En].title == t)
            .unwrap()
    };
    let deal = titled("CTO joins the weekly deal review");
    assert_eq!(
        deal.action.quarter,
        cards[story::SALES_LOW].scorecard.quarter
    );
    let last = deal.points.last().unwrap();
    assert!(
        matches!(
            last.since_start,
            Some(ChangeState::Changed {
                direction: Direction::Up,
                ..
            })
        ),
        "{last:?}"
    );
    let cloud = titled("Move developer environments to the cloud");
    let jump = cloud.points.last().unwrap();
    assert_eq!(jump.quarter, cards[story::SURPRISE].scorecard.quarter);
    assert!(
        matches!(jump.since_start, Some(ChangeState::Changed { .. })),
        "{jump:?}"
    );

    // The open round's emails carry "you said, we did" from the last sealed CSAT round.
    let sent = app.mailbox.sent();
    let with_recap = sent
        .iter()
        .filter(|m| {
            m.text.contains("Office hours every Thursday")
                || m.text.contains("매주 목요일")
                || m.text.contains("Elke donderdag")
        })
        .count();
    assert_eq!(
        with_recap,
        sent.len(),
        "every invitee reads the actions meant for everyone"
    );
}

#[tokio::test]
async fn a_database_with_other_data_is_not_seeded() {
    let app = TestApp::spawn().await;
    app.import_roster(crate::helpers::ROSTER);
    let err = demo::seed(
        &app.pool,
        Arc::clone(&app.state.settings),
        app.state.mailer.clone(),
        &app.state.templates,
        ctopulse::clock::now(),
        EMPLOYEES,
        &indicatif::ProgressBar::hidden(),
    )
    .await
    .expect_err("refused");
    assert!(matches!(err, demo::DemoError::NotEmpty), "{err}");
}
