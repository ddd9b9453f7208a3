//! The demo's action plans, fitted to the story: after sales' CSAT bottoms out, the CTO joins
//! the weekly deal review (done the quarter after; sales recovers); the cloud developer
//! environments come before the last quarter's jump in productive-and-happy; and the last
//! closed CSAT round has actions the open round's respondents read as "you said, we did".

use std::collections::BTreeMap;

use time::PrimitiveDateTime;

use super::{story, DemoError, CTO_ACTOR};
use crate::app::actions::{self, ActionInput};
use crate::db::{rounds, DbConnection};
use crate::domain::actions::{ActionLink, ActionStatus, ActionText};
use crate::domain::locale::Locale;
use crate::domain::quarter::Quarter;
use crate::domain::scoring::trend::Metric;

/// One planned action: on which round, about what, and its words in en, ko, nl.
struct Planned {
    template: &'static str,
    /// History index of the round it responds to.
    made: usize,
    /// History index it is due (past the history: the current quarter).
    due: usize,
    link: fn() -> ActionLink,
    owner: &'static str,
    status: ActionStatus,
    /// (title, note) in en, ko, nl.
    texts: [(&'static str, &'static str); 3],
}

fn sales() -> ActionLink {
    ActionLink::Group {
        group: "sales".into(),
    }
}

fn sales_meetings() -> ActionLink {
    ActionLink::Item {
        item: "sales_customer_meetings".into(),
        group: Some("sales".into()),
    }
}

fn productive_and_happy() -> ActionLink {
    ActionLink::Measure {
        metric: Metric::ProductiveAndHappy,
    }
}

fn enps() -> ActionLink {
    ActionLink::Measure {
        metric: Metric::Enps,
    }
}

fn marketing() -> ActionLink {
    ActionLink::Group {
        group: "marketing".into(),
    }
}

fn weighted_csat() -> ActionLink {
    ActionLink::Measure {
        metric: Metric::WeightedCsat,
    }
}

const LAST: usize = story::HISTORY - 1;

const PLANNED: [Planned; 6] = [
    Planned {
        template: "internal-csat",
        made: story::SALES_LOW,
        due: story::SALES_LOW + 1,
        link: sales,
        owner: "CTO",
        status: ActionStatus::Done,
        texts: [
            (
                "CTO joins the weekly deal review",
                "Every Tuesday since the start of the quarter.",
            ),
            (
                "CTO가 주간 딜 리뷰에 참석합니다",
                "분기 초부터 매주 화요일에 참석하고 있습니다.",
            ),
            (
                "CTO schuift aan bij het wekelijkse dealoverleg",
                "Elke dinsdag sinds het begin van het kwartaal.",
            ),
        ],
    },
    Planned {
        template: "internal-csat",
        made: story::SALES_LOW,
        due: story::SALES_LOW + 2,
        link: sales_meetings,
        owner: "CTO and sales leads",
        status: ActionStatus::Done,
        texts: [
            (
                "Two customer meetings a week with sales",
                "Booked by the sales leads a week ahead.",
            ),
            (
                "매주 영업팀과 고객 미팅 두 건",
                "영업 리드가 일주일 전에 일정을 잡습니다.",
            ),
            (
                "Twee klantgesprekken per week met sales",
                "De salesleads plannen ze een week vooruit.",
            ),
        ],
    },
    Planned {
        template: "engineering-culture",
        made: story::ATTRITION_SPIKE,
        due: story::SURPRISE,
        link: productive_and_happy,
        owner: "Platform team",
        status: ActionStatus::Done,
        texts: [
            (
                "Move developer environments to the cloud",
                "Every team moved by the end of the rollout.",
            ),
            (
                "개발 환경을 클라우드로 옮깁니다",
                "롤아웃 종료 시점에 모든 팀이 이전했습니다.",
            ),
            (
                "Ontwikkelomgevingen naar de cloud",
                "Alle teams zijn aan het eind van de uitrol over.",
            ),
        ],
    },
    Planned {
        template: "engineering-culture",
        made: LAST,
        due: LAST + 1,
        link: enps,
        owner: "CTO",
        status: ActionStatus::InProgress,
        texts: [
            ("Quarterly engineering all-hands with open Q&A", ""),
            ("분기별 엔지니어링 전체 회의와 공개 질의응답", ""),
            (
                "Elk kwartaal een engineering all-hands met open vragenronde",
                "",
            ),
        ],
    },
    Planned {
        template: "internal-csat",
        made: LAST,
        due: LAST + 1,
        link: marketing,
        owner: "CTO office",
        status: ActionStatus::Planned,
        texts: [
            ("An architecture one-pager for analysts and press", ""),
            ("애널리스트와 언론을 위한 아키텍처 한 장 요약", ""),
            (
                "Een architectuuroverzicht op één pagina voor analisten en pers",
                "",
            ),
        ],
    },
    Planned {
        template: "internal-csat",
        made: LAST,
        due: LAST + 1,
        link: weighted_csat,
        owner: "CTO",
        status: ActionStatus::InProgress,
        texts: [
            (
                "Office hours every Thursday, open to every department",
                "Started in the second week.",
            ),
            (
                "매주 목요일 모든 부서에 열린 오피스 아워",
                "둘째 주부터 시작했습니다.",
            ),
            (
                "Elke donderdag spreekuur, open voor elke afdeling",
                "Begonnen in de tweede week.",
            ),
        ],
    },
];

/// Records the story's actions on the sealed history rounds (`history` oldest first).
pub fn write(
    conn: &mut DbConnection,
    history: &[Quarter],
    now: PrimitiveDateTime,
) -> Result<usize, DemoError> {
    let quarter = |h: usize| {
        history
            .get(h)
            .copied()
            .or_else(|| history.last().map(|q| q.next()))
    };
    let mut written = 0;
    for p in &PLANNED {
        let (Some(made), Some(due)) = (quarter(p.made), quarter(p.due)) else {
            continue;
        };
        let Some(round) = rounds::id_for(conn, p.template, made)? else {
            continue;
        };
        let texts: BTreeMap<Locale, ActionText> = Locale::ALL
            .iter()
            .zip(p.texts)
            .map(|(l, (title, note))| {
                (
                    *l,
                    ActionText {
                        title: title.into(),
                        note: note.into(),
                    },
                )
            })
            .collect();
        let input = ActionInput {
            round,
            quarter: Some(made),
            link: (p.link)(),
            owner: p.owner.into(),
            due,
            status: p.status,
            texts,
        };
        actions::create(conn, &input, Locale::En, CTO_ACTOR, now)
            .map_err(|e| DemoError::Failed(format!("a demo action was refused: {e}")))?;
        written += 1;
    }
    Ok(written)
}
