//! Staff roles, the sets of roles a page admits, and who is calling.

use std::fmt;
use std::str::FromStr;

use serde::Serialize;

/// What a staff account may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// Survey admin: roster, rounds, users, settings.
    Admin,
    /// The CTO: every aggregate and comment that passes the thresholds, the inflection register.
    Cto,
    /// Board member: scorecards, trends, report downloads.
    Board,
}

/// A string that is not a role.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown role {0:?} (expected admin, cto or board)")]
pub struct UnknownRole(pub String);

impl Role {
    /// Every role, for listings and tests.
    pub const ALL: [Role; 3] = [Role::Admin, Role::Cto, Role::Board];

    /// The stored and displayed name.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Cto => "cto",
            Role::Board => "board",
        }
    }

    /// Where a freshly signed-in user of this role lands.
    pub fn home_path(self) -> &'static str {
        match self {
            Role::Admin => "/admin",
            Role::Cto => "/dashboard",
            Role::Board => "/board",
        }
    }
}

impl FromStr for Role {
    type Err = UnknownRole;

    fn from_str(s: &str) -> Result<Role, UnknownRole> {
        match s.trim().to_ascii_lowercase().as_str() {
            "admin" => Ok(Role::Admin),
            "cto" => Ok(Role::Cto),
            "board" => Ok(Role::Board),
            _ => Err(UnknownRole(s.to_string())),
        }
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What an API token may be used for: the JSON API (`/api/v1`) or roster provisioning
/// (`/scim/v2`). A token opens one door only, so an identity provider's token never reads
/// results and a reporting script's token never changes the roster.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TokenScope {
    /// The JSON API, as the token's role.
    Api,
    /// SCIM 2.0 roster provisioning.
    Scim,
}

/// A string that is not a token scope.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown token scope {0:?} (expected api or scim)")]
pub struct UnknownScope(pub String);

impl TokenScope {
    /// The stored and displayed name.
    pub fn as_str(self) -> &'static str {
        match self {
            TokenScope::Api => "api",
            TokenScope::Scim => "scim",
        }
    }
}

impl FromStr for TokenScope {
    type Err = UnknownScope;

    fn from_str(s: &str) -> Result<TokenScope, UnknownScope> {
        match s.trim().to_ascii_lowercase().as_str() {
            "api" => Ok(TokenScope::Api),
            "scim" => Ok(TokenScope::Scim),
            _ => Err(UnknownScope(s.to_string())),
        }
    }
}

impl fmt::Display for TokenScope {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A set of roles admitted somewhere, as a type, so a handler states it in its signature
/// (`web::auth::Require<AdminOnly>`) and the route table can name the same set.
pub trait RoleSet {
    /// The admitted roles.
    const ROLES: &'static [Role];
}

/// Admins only (roster, rounds, users, settings, audit log).
pub struct AdminOnly;
impl RoleSet for AdminOnly {
    const ROLES: &'static [Role] = &[Role::Admin];
}

/// The CTO only (dashboard, comments, inflection register).
pub struct CtoOnly;
impl RoleSet for CtoOnly {
    const ROLES: &'static [Role] = &[Role::Cto];
}

/// Board members only.
pub struct BoardOnly;
impl RoleSet for BoardOnly {
    const ROLES: &'static [Role] = &[Role::Board];
}

/// Those who read results: the CTO and the board.
pub struct ResultReaders;
impl RoleSet for ResultReaders {
    const ROLES: &'static [Role] = &[Role::Cto, Role::Board];
}

/// Those who keep the CTO's calendar data (import, events, overrides, rules): the CTO and
/// admins. The board reads the quarterly split only, never events.
pub struct CalendarKeepers;
impl RoleSet for CalendarKeepers {
    const ROLES: &'static [Role] = &[Role::Cto, Role::Admin];
}

/// Those who write action plans: the CTO and the survey admin.
pub struct ActionEditors;
impl RoleSet for ActionEditors {
    const ROLES: &'static [Role] = &[Role::Admin, Role::Cto];
}

/// Any signed-in staff member.
pub struct AnyStaff;
impl RoleSet for AnyStaff {
    const ROLES: &'static [Role] = &[Role::Admin, Role::Cto, Role::Board];
}

/// How the caller proved who they are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Credential {
    /// A browser session; writes need the session's CSRF token.
    Session {
        /// SHA-256 of the session token (the row's key).
        token_hash: String,
        /// Secret the session's CSRF form token is derived from (masked in `Debug`).
        csrf_secret: crate::secret::Secret,
    },
    /// An API token sent as `Authorization: Bearer`.
    ApiToken {
        /// The token's id (never the token).
        id: String,
        /// What the token may be used for.
        scope: TokenScope,
    },
}

/// A signed-in staff member or API token: who is calling, and as what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Identity {
    /// The user's id (`None` for API tokens).
    pub user_id: Option<String>,
    /// What the audit log records as the actor: the user's email or `token:NAME`.
    pub actor: String,
    /// The role the caller acts as.
    pub role: Role,
    /// How the caller signed in.
    pub credential: Credential,
}

impl Identity {
    /// Whether the caller holds one of `roles`.
    pub fn is_any_of(&self, roles: &[Role]) -> bool {
        roles.contains(&self.role)
    }

    /// The CSRF token forms of this session must carry (`None` for API tokens, which need none).
    pub fn csrf_token(&self) -> Option<String> {
        match &self.credential {
            Credential::Session { csrf_secret, .. } => {
                Some(super::csrf::session_form_token(csrf_secret.expose()))
            }
            Credential::ApiToken { .. } => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_round_trip_and_reject_others() {
        for r in Role::ALL {
            assert_eq!(r.as_str().parse::<Role>(), Ok(r));
        }
        assert_eq!(" Admin ".parse::<Role>(), Ok(Role::Admin));
        assert!("root".parse::<Role>().is_err());
        assert!("admin'--".parse::<Role>().is_err());
    }

    #[test]
    fn each_role_lands_on_its_own_page() {
        assert_eq!(Role::Admin.home_path(), "/admin");
        assert_eq!(Role::Cto.home_path(), "/dashboard");
        assert_eq!(Role::Board.home_path(), "/board");
    }

    #[test]
    fn api_tokens_need_no_csrf_token() {
        let who = Identity {
            user_id: None,
            actor: "token:ci".into(),
            role: Role::Board,
            credential: Credential::ApiToken {
                id: "t".into(),
                scope: TokenScope::Api,
            },
        };
        assert_eq!(who.csrf_token(), None);
        assert!(who.is_any_of(ResultReaders::ROLES));
        assert!(!who.is_any_of(AdminOnly::ROLES));
    }
}
