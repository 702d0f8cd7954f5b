//! API keys for `seatctl serve`: made (shown once, stored as a SHA-256 digest), listed,
//! revoked, and checked on every request.

use sha2::{Digest, Sha256};

use super::Session;
use crate::contract::{ApiKeyCreated, ApiKeyInfo};
use crate::domain::names;
use crate::error::{Error, Result};
use crate::store::ApiKeyRow;

/// What an API key may do, as the least-privilege database roles of `seatctl db roles` do:
/// an operator everything, the box office sell (hold, extend, reserve, release) and read,
/// readonly only read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum ApiRole {
    Readonly,
    BoxOffice,
    Operator,
}

impl ApiRole {
    /// The role names, as typed and stored.
    pub const NAMES: [&'static str; 3] = ["operator", "box-office", "readonly"];

    /// The role's name: `operator`, `box-office` or `readonly`.
    pub fn name(self) -> &'static str {
        match self {
            ApiRole::Operator => "operator",
            ApiRole::BoxOffice => "box-office",
            ApiRole::Readonly => "readonly",
        }
    }
}

impl std::str::FromStr for ApiRole {
    type Err = Error;

    fn from_str(s: &str) -> Result<ApiRole> {
        match s {
            "operator" => Ok(ApiRole::Operator),
            "box-office" => Ok(ApiRole::BoxOffice),
            "readonly" => Ok(ApiRole::Readonly),
            other => Err(Error::invalid(format!(
                "role `{other}`: use operator, box-office or readonly"
            ))),
        }
    }
}

/// The caller a request's key identifies: its name (the history's "by") and role.
#[derive(Debug, Clone)]
pub struct Caller {
    /// The key's id: what its idempotency keys are scoped by.
    pub id: uuid::Uuid,
    pub name: String,
    pub role: ApiRole,
}

/// The SHA-256 digest of a key, in lower-case hex: what is stored and looked up.
fn digest(key: &str) -> String {
    Sha256::digest(key.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Keys start with this, so a leaked one is recognisable (secret scanners, logs).
const KEY_PREFIX: &str = "seatctl_";

impl From<ApiKeyRow> for ApiKeyInfo {
    fn from(r: ApiKeyRow) -> ApiKeyInfo {
        ApiKeyInfo {
            id: r.id,
            name: r.name,
            role: r.role,
            prefix: r.prefix,
            created_at: r.created_at,
            created_by: r.created_by,
            revoked_at: r.revoked_at,
        }
    }
}

impl Session {
    /// Makes an API key named `name` (1-100 characters, nothing invisible) with `role`: 256
    /// random bits from the operating system, returned this once. Errors: exit 2 (bad name),
    /// 3 (an active key has the name), 6.
    pub async fn create_api_key(&self, name: &str, role: ApiRole) -> Result<ApiKeyCreated> {
        let name = check_name(name)?;
        let mut bytes = [0u8; 32];
        getrandom::fill(&mut bytes)
            .map_err(|e| Error::Internal(anyhow::anyhow!("no randomness from the OS: {e}")))?;
        let key: String = std::iter::once(KEY_PREFIX.to_string())
            .chain(bytes.iter().map(|b| format!("{b:02x}")))
            .collect();
        let prefix = &key[..KEY_PREFIX.len() + 4];
        let row = self
            .store()
            .await?
            .insert_api_key(
                &name,
                role.name(),
                &digest(&key),
                prefix,
                &self.settings.operator,
            )
            .await?;
        Ok(ApiKeyCreated {
            info: row.into(),
            key,
        })
    }

    /// Every API key, active ones first (never the keys themselves).
    pub async fn list_api_keys(&self) -> Result<Vec<ApiKeyInfo>> {
        let rows = self.store().await?.list_api_keys().await?;
        Ok(rows.into_iter().map(Into::into).collect())
    }

    /// Revokes the active key named `name`: requests with it are refused from now on (401).
    /// Errors: exit 4 when no active key has that name.
    pub async fn revoke_api_key(&self, name: &str) -> Result<ApiKeyInfo> {
        let name = check_name(name)?;
        match self.store().await?.revoke_api_key(&name).await? {
            Some(row) => Ok(row.into()),
            None => Err(Error::not_found(format!(
                "no active API key named `{name}` (`seatctl apikey list` shows them)"
            ))),
        }
    }

    /// The caller a presented key belongs to, or `None` when it is no active key.
    pub async fn authenticate(&self, key: &str) -> Result<Option<Caller>> {
        if !key.starts_with(KEY_PREFIX) || key.len() > 200 {
            return Ok(None);
        }
        let row = self.store().await?.api_key_by_digest(&digest(key)).await?;
        Ok(match row {
            Some(r) => Some(Caller {
                id: r.id,
                role: r.role.parse()?,
                name: r.name,
            }),
            None => None,
        })
    }
}

fn check_name(name: &str) -> Result<String> {
    let name = names::normalize("API key", name.trim()).map_err(Error::Invalid)?;
    let len = name.chars().count();
    if len == 0 || len > 100 {
        return Err(Error::invalid(format!(
            "API key name must be 1 to 100 characters ({len} given)"
        )));
    }
    Ok(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digest_is_sha256_hex() {
        // FIPS 180-2, appendix B.1: SHA-256("abc").
        assert_eq!(
            digest("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn roles_parse_and_order() {
        for name in ApiRole::NAMES {
            assert_eq!(name.parse::<ApiRole>().unwrap().name(), name);
        }
        assert!("admin".parse::<ApiRole>().is_err());
        assert!(ApiRole::Operator > ApiRole::BoxOffice && ApiRole::BoxOffice > ApiRole::Readonly);
    }
}
