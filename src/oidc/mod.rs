//! The company's OpenID Connect provider, as ctopulse talks to it: discovery (cached), the
//! authorization URL (code flow with PKCE S256 and a nonce), the code exchange and the ID
//! token's verification (signature against the provider's keys, issuer, audience, expiry,
//! nonce), and the RP-initiated logout URL. It keeps no state of a sign-in: the caller
//! passes the state, nonce and PKCE verifier it derived (`auth::oidc`).

mod claims;

use std::sync::Arc;
use std::time::{Duration, Instant};

use openidconnect::core::{
    CoreAuthDisplay, CoreAuthPrompt, CoreErrorResponseType, CoreGenderClaim, CoreJsonWebKey,
    CoreJweContentEncryptionAlgorithm, CoreJwsSigningAlgorithm, CoreResponseType,
    CoreRevocableToken, CoreRevocationErrorResponse, CoreTokenIntrospectionResponse, CoreTokenType,
};
use openidconnect::{
    reqwest, AuthenticationFlow, AuthorizationCode, Client, ClientId, ClientSecret, CsrfToken,
    EmptyExtraTokenFields, EndpointMaybeSet, EndpointNotSet, EndpointSet, IdTokenFields, IssuerUrl,
    LogoutRequest, Nonce, PkceCodeChallenge, PkceCodeVerifier, PostLogoutRedirectUrl,
    ProviderMetadataWithLogout, RedirectUrl, Scope, StandardErrorResponse, StandardTokenResponse,
};
use tokio::sync::Mutex;

use crate::config::OidcSettings;
pub use claims::{ExtraClaims, Person};

type IdFields = IdTokenFields<
    ExtraClaims,
    EmptyExtraTokenFields,
    CoreGenderClaim,
    CoreJweContentEncryptionAlgorithm,
    CoreJwsSigningAlgorithm,
>;
type TokenResponse = StandardTokenResponse<IdFields, CoreTokenType>;
type OidcClient = Client<
    ExtraClaims,
    CoreAuthDisplay,
    CoreGenderClaim,
    CoreJweContentEncryptionAlgorithm,
    CoreJsonWebKey,
    CoreAuthPrompt,
    StandardErrorResponse<CoreErrorResponseType>,
    TokenResponse,
    CoreTokenIntrospectionResponse,
    CoreRevocableToken,
    CoreRevocationErrorResponse,
    EndpointSet,
    EndpointNotSet,
    EndpointNotSet,
    EndpointNotSet,
    EndpointSet,
    EndpointMaybeSet,
>;

/// How long discovered metadata and keys are used before they are fetched again; a key the
/// cache lacks (the provider rotated) triggers a fetch at once.
const METADATA_TTL: Duration = Duration::from_secs(15 * 60);
/// Upper bound on one request to the provider.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(10);

/// Why a sign-in through the provider failed.
#[derive(Debug, thiserror::Error)]
pub enum OidcError {
    #[error("the identity provider could not be reached or answered with an error")]
    Unreachable(#[source] Box<dyn std::error::Error + Send + Sync>),
    #[error("the identity provider's configuration is not usable: {0}")]
    Configuration(String),
    #[error("the identity provider refused the sign-in code")]
    CodeRefused(#[source] Box<dyn std::error::Error + Send + Sync>),
    #[error("the identity provider sent no ID token")]
    NoIdToken,
    #[error("the ID token is not valid: {0}")]
    IdToken(#[from] openidconnect::ClaimsVerificationError),
}

impl OidcError {
    /// Whether the provider itself failed (down or misconfigured), rather than the sign-in.
    pub fn is_provider_fault(&self) -> bool {
        matches!(
            self,
            OidcError::Unreachable(_) | OidcError::Configuration(_)
        )
    }
}

struct Discovered {
    client: OidcClient,
    end_session: Option<openidconnect::EndSessionUrl>,
    fetched: Instant,
}

/// The configured provider. Cheap to share; discovery happens on first use.
pub struct Provider {
    settings: OidcSettings,
    redirect: RedirectUrl,
    http: reqwest::Client,
    cache: Mutex<Option<Arc<Discovered>>>,
}

impl Provider {
    /// The provider of `settings` with callbacks to `{public_url}/login/oidc/callback`;
    /// `None` when single sign-on is off.
    pub fn new(settings: &OidcSettings, public_url: &str) -> Result<Option<Provider>, OidcError> {
        if !settings.enabled() {
            return Ok(None);
        }
        let redirect = RedirectUrl::new(format!("{public_url}/login/oidc/callback"))
            .map_err(|e| OidcError::Configuration(format!("callback URL: {e}")))?;
        // No redirects: a provider's endpoints are fixed by discovery, and following
        // redirects would let a response send requests elsewhere.
        let http = reqwest::ClientBuilder::new()
            .redirect(reqwest::redirect::Policy::none())
            .timeout(REQUEST_TIMEOUT)
            .build()
            .map_err(|e| OidcError::Configuration(format!("HTTP client: {e}")))?;
        Ok(Some(Provider {
            settings: settings.clone(),
            redirect,
            http,
            cache: Mutex::new(None),
        }))
    }

    /// The name shown on the sign-in button.
    pub fn display_name(&self) -> &str {
        &self.settings.display_name
    }

    /// The settings this provider was built from.
    pub fn settings(&self) -> &OidcSettings {
        &self.settings
    }

    async fn discovered(&self, fresh: bool) -> Result<Arc<Discovered>, OidcError> {
        let mut cache = self.cache.lock().await;
        if let Some(d) = cache.as_ref() {
            if !fresh && d.fetched.elapsed() < METADATA_TTL {
                return Ok(d.clone());
            }
        }
        let issuer = IssuerUrl::new(self.settings.issuer_url.clone())
            .map_err(|e| OidcError::Configuration(format!("issuer URL: {e}")))?;
        let metadata = ProviderMetadataWithLogout::discover_async(issuer, &self.http)
            .await
            .map_err(|e| OidcError::Unreachable(Box::new(e)))?;
        let end_session = metadata.additional_metadata().end_session_endpoint.clone();
        let token_url = metadata
            .token_endpoint()
            .cloned()
            .ok_or_else(|| OidcError::Configuration("discovery names no token endpoint".into()))?;
        let secret = self
            .settings
            .client_secret
            .as_ref()
            .map(|s| ClientSecret::new(s.expose().to_string()));
        let client: OidcClient = Client::from_provider_metadata(
            metadata,
            ClientId::new(self.settings.client_id.clone()),
            secret,
        )
        .set_token_uri(token_url)
        .set_redirect_uri(self.redirect.clone());
        let d = Arc::new(Discovered {
            client,
            end_session,
            fetched: Instant::now(),
        });
        *cache = Some(d.clone());
        Ok(d)
    }

    /// Where to send the browser to sign in.
    pub async fn authorize_url(
        &self,
        state: &str,
        nonce: &str,
        verifier: &str,
    ) -> Result<openidconnect::url::Url, OidcError> {
        let d = self.discovered(false).await?;
        let challenge =
            PkceCodeChallenge::from_code_verifier_sha256(&PkceCodeVerifier::new(verifier.into()));
        let state = CsrfToken::new(state.into());
        let nonce = Nonce::new(nonce.into());
        let (url, _, _) = d
            .client
            .authorize_url(
                AuthenticationFlow::<CoreResponseType>::AuthorizationCode,
                move || state,
                move || nonce,
            )
            .add_scopes(self.settings.scopes.iter().cloned().map(Scope::new))
            .set_pkce_challenge(challenge)
            .url();
        Ok(url)
    }

    /// Exchanges the code for tokens and verifies the ID token; returns who signed in.
    pub async fn sign_in(
        &self,
        code: &str,
        nonce: &str,
        verifier: &str,
    ) -> Result<Person, OidcError> {
        let d = self.discovered(false).await?;
        let response = d
            .client
            .exchange_code(AuthorizationCode::new(code.into()))
            .set_pkce_verifier(PkceCodeVerifier::new(verifier.into()))
            .request_async(&self.http)
            .await
            .map_err(|e| match e {
                openidconnect::RequestTokenError::ServerResponse(_) => {
                    OidcError::CodeRefused(Box::new(e))
                }
                other => OidcError::Unreachable(Box::new(other)),
            })?;
        let id_token = response
            .extra_fields()
            .id_token()
            .ok_or(OidcError::NoIdToken)?;
        let nonce = Nonce::new(nonce.into());
        let claims = match id_token.claims(&d.client.id_token_verifier(), &nonce) {
            Ok(c) => c.clone(),
            // The provider may have rotated its keys since discovery: fetch them once more.
            Err(openidconnect::ClaimsVerificationError::SignatureVerification(_)) => {
                let fresh = self.discovered(true).await?;
                let verifier = fresh.client.id_token_verifier();
                let claims = id_token.claims(&verifier, &nonce)?.clone();
                claims
            }
            Err(e) => return Err(e.into()),
        };
        Ok(claims::person(&claims, &self.settings))
    }

    /// The provider's logout page for someone who signed out of ctopulse, if it has one.
    pub async fn end_session_url(&self, after: &str) -> Option<openidconnect::url::Url> {
        let d = self.discovered(false).await.ok()?;
        let endpoint = d.end_session.clone()?;
        let mut request = LogoutRequest::from(endpoint)
            .set_client_id(ClientId::new(self.settings.client_id.clone()));
        if let Ok(after) = PostLogoutRedirectUrl::new(after.to_string()) {
            request = request.set_post_logout_redirect_uri(after);
        }
        Some(request.http_get_url())
    }
}
