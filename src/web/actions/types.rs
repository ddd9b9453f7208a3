//! The wire types of `/api/v1/actions`.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use time::format_description::well_known::Rfc3339;
use time::PrimitiveDateTime;
use utoipa::{IntoParams, ToSchema};

use crate::app::actions::follow::FollowedAction;
use crate::domain::actions::follow::FollowPoint;
use crate::domain::actions::{ActionLink, ActionStatus, ActionText};
use crate::domain::ids::RoundId;
use crate::domain::locale::Locale;
use crate::domain::quarter::Quarter;

fn rfc3339(t: PrimitiveDateTime) -> String {
    t.assume_utc().format(&Rfc3339).unwrap_or_default()
}

fn planned() -> ActionStatus {
    ActionStatus::Planned
}

/// An action as its author writes it (create and replace).
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ActionBody {
    /// The sealed round it responds to (its id).
    #[schema(format = "uuid")]
    pub round: String,
    /// The round's quarter, if the caller wants it checked (a different one is refused).
    #[schema(pattern = "^2[0-9]{3}Q[1-4]$", example = "2026Q4")]
    pub quarter: Option<String>,
    /// What it answers to: a measure, a reporting group, an item or a key driver of that round.
    pub link: ActionLink,
    /// Who owns it (free text).
    #[schema(min_length = 1, max_length = 100)]
    pub owner: String,
    /// The quarter it is due (not before the round's).
    #[schema(pattern = "^2[0-9]{3}Q[1-4]$", example = "2027Q1")]
    pub due: String,
    /// Where it stands (default: planned). Dropping needs a note in the default language.
    #[serde(default = "planned")]
    pub status: ActionStatus,
    /// Title and public note per language; the company's language is required.
    pub texts: TextsBody,
}

/// An action's words in one language.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TextBody {
    /// What will be done, in a sentence.
    #[schema(min_length = 1, max_length = 200)]
    pub title: String,
    /// How it stands, for everyone to read (may be empty).
    #[serde(default)]
    #[schema(max_length = 500)]
    pub note: String,
}

/// An action's words per language.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TextsBody {
    pub en: Option<TextBody>,
    pub ko: Option<TextBody>,
    pub nl: Option<TextBody>,
    pub de: Option<TextBody>,
}

impl TextsBody {
    /// The words as the use case takes them.
    pub fn into_map(self) -> BTreeMap<Locale, ActionText> {
        [
            (Locale::En, self.en),
            (Locale::Ko, self.ko),
            (Locale::Nl, self.nl),
            (Locale::De, self.de),
        ]
        .into_iter()
        .filter_map(|(l, t)| {
            t.map(|t| {
                (
                    l,
                    ActionText {
                        title: t.title,
                        note: t.note,
                    },
                )
            })
        })
        .collect()
    }
}

/// An action with its follow-through.
#[derive(Debug, Serialize, ToSchema)]
pub struct ActionView {
    pub id: String,
    /// The sealed round it responds to.
    #[schema(value_type = String, format = "uuid")]
    pub round_id: RoundId,
    /// That round's survey template.
    pub template: String,
    /// That round's quarter: the action was made in it.
    pub quarter: Quarter,
    pub link: ActionLink,
    pub owner: String,
    pub due: Quarter,
    pub status: ActionStatus,
    pub texts: BTreeMap<Locale, ActionText>,
    /// When it last changed (RFC 3339, UTC).
    #[schema(example = "2026-11-02T09:30:00Z")]
    pub updated_at: String,
    /// The linked figure in the action's quarter, then in each later quarter with a closed
    /// round, with its change since the start. Withheld figures stay withheld.
    pub follow_through: Vec<FollowPoint>,
}

impl From<FollowedAction> for ActionView {
    fn from(f: FollowedAction) -> Self {
        let a = f.action;
        ActionView {
            id: a.id,
            round_id: a.round_id,
            template: a.template_key,
            quarter: a.quarter,
            link: a.link,
            owner: a.owner,
            due: a.due,
            status: a.status,
            texts: a.texts.0,
            updated_at: rfc3339(a.updated_at),
            follow_through: f.points,
        }
    }
}

/// The answer to a write: the action's id.
#[derive(Debug, Serialize, ToSchema)]
pub struct ActionId {
    pub id: String,
}

/// The export's file format.
#[derive(Debug, Clone, Copy, Default, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum ActionExportFormat {
    /// One row per action and quarter of follow-through, cells escaped against formulas.
    #[default]
    Csv,
    /// The `/api/v1/actions` body.
    Json,
}

/// `?format=csv|json`.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct ActionExportQuery {
    pub format: Option<ActionExportFormat>,
}
