//! Credential providers and the default chain against loopback servers: a fake ECS metadata
//! service, a fake STS whose `AssumeRole` signatures are recomputed here with an independent
//! HMAC-SHA1 implementation, and a credentials URI. Environments are `MapEnvironment`s over
//! temporary home folders (the process environment is never touched), and time moves by a
//! test clock (no sleeping).
#![cfg(feature = "reqwest")]

mod support;

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime};

use aliyun_runtime::client::Client;
use aliyun_runtime::provider::{
    AssumeRoleProvider, CachedProvider, Clock, CredentialsFuture, DefaultChain, EcsRoleProvider,
    MapEnvironment, ProvideCredentials, ProviderError, RoleSession, UriProvider,
};
use aliyun_runtime::Credentials;
use base64::Engine as _;
use hmac::{Hmac, Mac};
use support::{reply, text, Seen, Server, TempHome};

const SOURCE_ID: &str = "LTAIsource";
const SOURCE_SECRET: &str = "source-Secret/+=";
const ROLE_ARN: &str = "acs:ram::123456789012:role/deployer";
const OIDC_PROVIDER_ARN: &str = "acs:ram::123456789012:oidc-provider/ack";
/// 2030-01-01T00:00:00Z in Unix seconds, counted by hand: 60 years of 365 days plus the 15
/// leap days of 1972..=2028.
const Y2030: u64 = (60 * 365 + 15) * 86_400;

// ---------------------------------------------------------------------------------------------
// An independent HMAC-SHA1 RPC signature (alibaba-protocol notes §2.1), not the crate's.

fn rfc3986(text: &str) -> String {
    let mut out = String::new();
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn expected_signature(seen: &Seen, secret: &str) -> String {
    let canonical = seen
        .query
        .iter()
        .filter(|(k, _)| k.as_str() != "Signature")
        .map(|(k, v)| format!("{}={}", rfc3986(k), rfc3986(v)))
        .collect::<Vec<_>>()
        .join("&");
    let to_sign = format!("{}&%2F&{}", seen.method, rfc3986(&canonical));
    let mut mac = Hmac::<sha1::Sha1>::new_from_slice(format!("{secret}&").as_bytes()).unwrap();
    mac.update(to_sign.as_bytes());
    base64::engine::general_purpose::STANDARD.encode(mac.finalize().into_bytes())
}

#[test]
fn the_independent_signer_reproduces_the_published_vector() {
    // Vector T1 (ECS DescribeRegions, GET): the test's own signer is right before it judges.
    let query = [
        ("AccessKeyId", "testid"),
        ("Action", "DescribeRegions"),
        ("Format", "XML"),
        ("SignatureMethod", "HMAC-SHA1"),
        ("SignatureNonce", "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf"),
        ("SignatureVersion", "1.0"),
        ("Timestamp", "2016-02-23T12:46:24Z"),
        ("Version", "2014-05-26"),
    ]
    .iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect();
    let seen = Seen {
        method: "GET".into(),
        path: "/".into(),
        raw_query: String::new(),
        query,
        headers: Vec::new(),
        body: Vec::new(),
    };
    assert_eq!(
        expected_signature(&seen, "testsecret"),
        "OLeaidS1JvxuMvnyHOwuJ+uX5qY="
    );
}

// ---------------------------------------------------------------------------------------------
// The fake STS.

/// Grants `STS.granted-<n>` for the n-th accepted call (1-based), expiring at 2030-01-01 plus
/// n-1 hours; refuses a bad signature the way the gateway does.
fn fake_sts(signer_secret: &'static str) -> impl Fn(&Seen) -> support::Reply + Send + Sync {
    let granted = AtomicUsize::new(0);
    move |seen: &Seen| {
        let action = seen.param("Action").unwrap_or("");
        let common_ok = seen.method == "POST"
            && seen.param("Version") == Some("2015-04-01")
            && seen.param("Format") == Some("JSON")
            && seen.param("RoleArn") == Some(ROLE_ARN)
            && seen.param("RoleSessionName").is_some_and(|s| !s.is_empty())
            && seen.param("DurationSeconds").is_some()
            && seen.param("SignatureNonce").is_some_and(|s| !s.is_empty())
            && seen.param("Timestamp").is_some_and(|s| s.ends_with('Z'));
        let authentic = match action {
            "AssumeRole" => {
                seen.param("AccessKeyId") == Some(SOURCE_ID)
                    && seen.param("SignatureMethod") == Some("HMAC-SHA1")
                    && seen.param("Signature")
                        == Some(expected_signature(seen, signer_secret).as_str())
            }
            // Anonymous: the OIDC token is the proof, nothing is signed.
            "AssumeRoleWithOIDC" => {
                seen.param("AccessKeyId").is_none()
                    && seen.param("Signature").is_none()
                    && seen.param("OIDCProviderArn") == Some(OIDC_PROVIDER_ARN)
                    && seen.param("OIDCToken") == Some("eyJ.oidc.token")
            }
            _ => false,
        };
        if !(common_ok && authentic) {
            return reply(
                400,
                r#"{"RequestId":"RID-sig","Code":"SignatureDoesNotMatch","Message":"no"}"#,
            );
        }
        let n = granted.fetch_add(1, Ordering::SeqCst) + 1;
        reply(
            200,
            format!(
                r#"{{"RequestId":"R{n}","AssumedRoleUser":{{"Arn":"{ROLE_ARN}/s","AssumedRoleId":"1:s"}},"Credentials":{{"AccessKeyId":"STS.granted-{n}","AccessKeySecret":"granted-secret-{n}","SecurityToken":"granted-token-{n}","Expiration":"2030-01-01T0{}:00:00Z"}}}}"#,
                (n - 1).min(9)
            ),
        )
    }
}

fn at(secs: u64) -> SystemTime {
    SystemTime::UNIX_EPOCH + Duration::from_secs(secs)
}

/// A clock the test moves.
#[derive(Debug, Clone)]
struct TestClock(Arc<Mutex<SystemTime>>);

impl TestClock {
    fn new(now: SystemTime) -> Self {
        TestClock(Arc::new(Mutex::new(now)))
    }
    fn set(&self, now: SystemTime) {
        *self.0.lock().unwrap() = now;
    }
}

impl Clock for TestClock {
    fn now(&self) -> SystemTime {
        *self.0.lock().unwrap()
    }
}

fn assume_role(sts: &Server) -> AssumeRoleProvider {
    let mut session = RoleSession::new(ROLE_ARN);
    session.endpoint = sts.url();
    session.session_name = "test-session".into();
    AssumeRoleProvider::new(
        Arc::new(Credentials::new(SOURCE_ID, SOURCE_SECRET)),
        session,
    )
}

#[tokio::test]
async fn assume_role_is_a_signed_rpc_call() {
    let sts = Server::start(fake_sts(SOURCE_SECRET)).await;
    let credentials = assume_role(&sts).provide_credentials().await.unwrap();
    assert_eq!(credentials.access_key_id(), "STS.granted-1");
    assert_eq!(credentials.access_key_secret(), "granted-secret-1");
    assert_eq!(credentials.security_token(), Some("granted-token-1"));
    assert_eq!(credentials.expiry(), Some(at(Y2030)));
    let seen = sts.seen();
    assert_eq!(seen.len(), 1);
    assert_eq!(seen[0].param("Action"), Some("AssumeRole"));
    assert_eq!(seen[0].param("RoleSessionName"), Some("test-session"));
    assert_eq!(seen[0].param("DurationSeconds"), Some("3600"));

    // A wrong source secret: STS refuses, the error names the call and never a secret.
    let mut session = RoleSession::new(ROLE_ARN);
    session.endpoint = sts.url();
    let wrong = AssumeRoleProvider::new(
        Arc::new(Credentials::new(SOURCE_ID, "wrong-secret-value")),
        session,
    );
    let error = wrong.provide_credentials().await.unwrap_err();
    let text = format!("{error} {error:?}");
    assert!(
        text.contains("AssumeRole") && text.contains("SignatureDoesNotMatch"),
        "{text}"
    );
    assert!(
        !text.contains("wrong-secret-value") && !text.contains(SOURCE_SECRET),
        "{text}"
    );
}

#[tokio::test]
async fn refreshed_before_expiry_by_the_clock() {
    let sts = Server::start(fake_sts(SOURCE_SECRET)).await;
    let clock = TestClock::new(at(Y2030 - 3600));
    let cached = CachedProvider::new(Arc::new(assume_role(&sts)))
        .clock(Arc::new(clock.clone()))
        .refresh_margin(Duration::from_secs(300));
    assert_eq!(
        cached.provide_credentials().await.unwrap().access_key_id(),
        "STS.granted-1"
    );
    // 10 minutes before expiry: still cached.
    clock.set(at(Y2030 - 600));
    assert_eq!(
        cached.provide_credentials().await.unwrap().access_key_id(),
        "STS.granted-1"
    );
    assert_eq!(sts.count(), 1);
    // Within the 5-minute margin: refreshed before it expires.
    clock.set(at(Y2030 - 299));
    assert_eq!(
        cached.provide_credentials().await.unwrap().access_key_id(),
        "STS.granted-2"
    );
    assert_eq!(sts.count(), 2);
    // The new ones expire an hour later: cached again.
    clock.set(at(Y2030 + 600));
    assert_eq!(
        cached.provide_credentials().await.unwrap().access_key_id(),
        "STS.granted-2"
    );
    assert_eq!(sts.count(), 2);
}

/// Counts fetches and holds each until the gate opens, so that every caller is waiting while
/// the first fetch runs.
#[derive(Debug)]
struct Gated {
    fetches: AtomicUsize,
    gate: tokio::sync::Semaphore,
}

impl ProvideCredentials for Gated {
    fn provide_credentials(&self) -> CredentialsFuture<'_> {
        Box::pin(async move {
            let n = self.fetches.fetch_add(1, Ordering::SeqCst) + 1;
            let _permit = self.gate.acquire().await.unwrap();
            Ok(Credentials::new(format!("STS.gated-{n}"), "s")
                .with_security_token("t")
                .with_expiry(SystemTime::now() + Duration::from_secs(3600)))
        })
    }
}

#[tokio::test]
async fn fifty_concurrent_calls_cause_one_refresh() {
    let gated = Arc::new(Gated {
        fetches: AtomicUsize::new(0),
        gate: tokio::sync::Semaphore::new(0),
    });
    let cached = Arc::new(CachedProvider::new(gated.clone()));
    let mut tasks = tokio::task::JoinSet::new();
    for _ in 0..50 {
        let cached = cached.clone();
        tasks.spawn(async move { cached.provide_credentials().await.unwrap() });
    }
    // Let every task reach the cache before the fetch may finish.
    for _ in 0..100 {
        tokio::task::yield_now().await;
    }
    gated.gate.add_permits(1000);
    let mut ids = Vec::new();
    while let Some(done) = tasks.join_next().await {
        ids.push(done.unwrap().access_key_id().to_string());
    }
    assert_eq!(ids.len(), 50);
    assert!(ids.iter().all(|id| id == "STS.gated-1"), "{ids:?}");
    assert_eq!(gated.fetches.load(Ordering::SeqCst), 1);

    // The same through the fake STS: fifty concurrent first calls, one AssumeRole.
    let sts = Server::start(fake_sts(SOURCE_SECRET)).await;
    let cached = Arc::new(CachedProvider::new(Arc::new(assume_role(&sts))));
    let mut tasks = tokio::task::JoinSet::new();
    for _ in 0..50 {
        let cached = cached.clone();
        tasks.spawn(async move { cached.provide_credentials().await.unwrap() });
    }
    while let Some(done) = tasks.join_next().await {
        assert_eq!(done.unwrap().access_key_id(), "STS.granted-1");
    }
    assert_eq!(sts.count(), 1);
}

// ---------------------------------------------------------------------------------------------
// The fake ECS metadata service.

const IMDS_TOKEN: &str = "imds-session-token";

/// `v2`: the token endpoint works and the others demand its token; otherwise the token
/// endpoint is missing (an old service) and the others need none.
fn fake_imds(v2: bool) -> impl Fn(&Seen) -> support::Reply + Send + Sync {
    move |seen: &Seen| {
        let token_ok = !v2 || seen.header("x-aliyun-ecs-metadata-token") == Some(IMDS_TOKEN);
        match (seen.method.as_str(), seen.path.as_str()) {
            ("PUT", "/latest/api/token") if v2 => {
                if seen
                    .header("x-aliyun-ecs-metadata-token-ttl-seconds")
                    .is_some()
                {
                    text(200, IMDS_TOKEN)
                } else {
                    text(400, "ttl missing")
                }
            }
            ("PUT", "/latest/api/token") => text(404, "not found"),
            (_, _) if !token_ok => text(401, "token required"),
            ("GET", "/latest/meta-data/ram/security-credentials/") => text(200, "EcsRole\n"),
            ("GET", "/latest/meta-data/ram/security-credentials/EcsRole") => reply(
                200,
                r#"{"AccessKeyId":"STS.ecs","AccessKeySecret":"ecs-secret","SecurityToken":"ecs-token","Expiration":"2030-01-01T00:00:00Z","LastUpdated":"2029-12-31T18:00:00Z","Code":"Success"}"#,
            ),
            _ => text(404, "not found"),
        }
    }
}

fn no_home_env(home: &TempHome) -> MapEnvironment {
    MapEnvironment::new().with_home(&home.0)
}

#[tokio::test]
async fn ecs_role_from_the_metadata_service() {
    let imds = Server::start(fake_imds(true)).await;
    let home = TempHome::new("ecs");
    let provider = EcsRoleProvider::new(Arc::new(no_home_env(&home))).endpoint(imds.url());
    let credentials = provider.provide_credentials().await.unwrap();
    assert_eq!(credentials.access_key_id(), "STS.ecs");
    assert_eq!(credentials.security_token(), Some("ecs-token"));
    assert_eq!(credentials.expiry(), Some(at(Y2030)));
    let paths: Vec<(String, String)> = imds
        .seen()
        .iter()
        .map(|s| (s.method.clone(), s.path.clone()))
        .collect();
    assert_eq!(
        paths,
        [
            ("PUT", "/latest/api/token"),
            ("GET", "/latest/meta-data/ram/security-credentials/"),
            ("GET", "/latest/meta-data/ram/security-credentials/EcsRole"),
        ]
        .map(|(m, p)| (m.to_string(), p.to_string()))
    );

    // The role named by ALIBABA_CLOUD_ECS_METADATA: no discovery request.
    let before = imds.count();
    let env = no_home_env(&home).with_var("ALIBABA_CLOUD_ECS_METADATA", "EcsRole");
    EcsRoleProvider::new(Arc::new(env))
        .endpoint(imds.url())
        .provide_credentials()
        .await
        .unwrap();
    assert_eq!(imds.count() - before, 2);

    // Turned off: not even a connection.
    let env = no_home_env(&home).with_var("ALIBABA_CLOUD_ECS_METADATA_DISABLED", "true");
    let before = imds.count();
    let e = EcsRoleProvider::new(Arc::new(env))
        .endpoint(imds.url())
        .provide_credentials()
        .await
        .unwrap_err();
    assert!(
        e.is_not_configured() && e.to_string().contains("DISABLED"),
        "{e}"
    );
    assert_eq!(imds.count(), before);
}

#[tokio::test]
async fn ecs_normal_mode_fallback_unless_forbidden() {
    let imds = Server::start(fake_imds(false)).await;
    let home = TempHome::new("ecs-v1");
    let credentials = EcsRoleProvider::new(Arc::new(no_home_env(&home)))
        .endpoint(imds.url())
        .provide_credentials()
        .await
        .unwrap();
    assert_eq!(credentials.access_key_id(), "STS.ecs");
    let env = no_home_env(&home).with_var("ALIBABA_CLOUD_IMDSV1_DISABLED", "true");
    let e = EcsRoleProvider::new(Arc::new(env))
        .endpoint(imds.url())
        .provide_credentials()
        .await
        .unwrap_err();
    assert!(
        !e.is_not_configured() && e.to_string().contains("IMDSV1"),
        "{e}"
    );
}

#[tokio::test]
async fn credentials_uri() {
    let server = Server::start(|seen| {
        if seen.path == "/creds" && seen.param("key") == Some("k1") {
            reply(
                200,
                r#"{"Code":"Success","AccessKeyId":"STS.uri","AccessKeySecret":"uri-secret","SecurityToken":"uri-token","Expiration":"2030-01-01T00:00:00Z"}"#,
            )
        } else {
            reply(200, r#"{"Code":"Denied"}"#)
        }
    })
    .await;
    let ok = UriProvider::new(format!("{}/creds?key=k1", server.url()))
        .provide_credentials()
        .await
        .unwrap();
    assert_eq!(ok.access_key_id(), "STS.uri");
    assert_eq!(ok.expiry(), Some(at(Y2030)));
    let e = UriProvider::new(format!("{}/creds?key=secret-key-in-query", server.url()))
        .provide_credentials()
        .await
        .unwrap_err();
    assert!(e.to_string().contains("Denied"), "{e}");
    assert!(!e.to_string().contains("secret-key-in-query"), "{e}");
}

// ---------------------------------------------------------------------------------------------
// The chain over config files, one fixture per mode.

struct Fakes {
    sts: Server,
    imds: Server,
}

async fn fakes() -> Fakes {
    Fakes {
        sts: Server::start(fake_sts(SOURCE_SECRET)).await,
        imds: Server::start(fake_imds(true)).await,
    }
}

fn chain(env: MapEnvironment, fakes: &Fakes) -> DefaultChain {
    DefaultChain::builder()
        .environment(Arc::new(env))
        .sts_endpoint(fakes.sts.url())
        .ecs_metadata_endpoint(fakes.imds.url())
        .build()
}

fn cli_config(home: &TempHome, token_file: &str) {
    let config = format!(
        r#"{{
  "current": "ak",
  "profiles": [
    {{"name": "ak", "mode": "AK", "access_key_id": "{SOURCE_ID}", "access_key_secret": "{SOURCE_SECRET}", "region_id": "cn-hangzhou"}},
    {{"name": "sts", "mode": "StsToken", "access_key_id": "STS.fixed", "access_key_secret": "fixed-secret", "sts_token": "fixed-token"}},
    {{"name": "role", "mode": "RamRoleArn", "access_key_id": "{SOURCE_ID}", "access_key_secret": "{SOURCE_SECRET}", "ram_role_arn": "{ROLE_ARN}", "ram_session_name": "cli", "expired_seconds": 900, "sts_region": "cn-hangzhou"}},
    {{"name": "chained", "mode": "ChainableRamRoleArn", "source_profile": "ak", "ram_role_arn": "{ROLE_ARN}", "ram_session_name": "chained"}},
    {{"name": "ecs", "mode": "EcsRamRole", "ram_role_name": "EcsRole"}},
    {{"name": "oidc", "mode": "OIDC", "ram_role_arn": "{ROLE_ARN}", "oidc_provider_arn": "{OIDC_PROVIDER_ARN}", "oidc_token_file": "{token_file}", "ram_session_name": "oidc"}},
    {{"name": "loop", "mode": "ChainableRamRoleArn", "source_profile": "loop", "ram_role_arn": "{ROLE_ARN}"}},
    {{"name": "sso", "mode": "CloudSSO"}}
  ]
}}"#
    );
    home.write(".aliyun/config.json", &config);
}

#[tokio::test]
async fn cli_config_file_every_mode() {
    let fakes = fakes().await;
    let home = TempHome::new("cli");
    let token_file = home.write("oidc-token", "eyJ.oidc.token\n");
    cli_config(&home, &token_file.display().to_string());
    let base = no_home_env(&home).with_var("ALIBABA_CLOUD_ECS_METADATA_DISABLED", "true");
    let fetch = |profile: Option<&str>| {
        let env = match profile {
            Some(p) => base.clone().with_var("ALIBABA_CLOUD_PROFILE", p),
            None => base.clone(),
        };
        let chain = chain(env, &fakes);
        async move { chain.provide_credentials().await }
    };

    // `current` when no profile is named.
    let ak = fetch(None).await.unwrap();
    assert_eq!((ak.access_key_id(), ak.security_token()), (SOURCE_ID, None));
    let sts = fetch(Some("sts")).await.unwrap();
    assert_eq!(sts.security_token(), Some("fixed-token"));

    let before = fakes.sts.count();
    let role = fetch(Some("role")).await.unwrap();
    assert!(role.access_key_id().starts_with("STS.granted-"));
    let call = &fakes.sts.seen()[before];
    assert_eq!(call.param("Action"), Some("AssumeRole"));
    assert_eq!(call.param("RoleSessionName"), Some("cli"));
    assert_eq!(call.param("DurationSeconds"), Some("900"));

    let chained = fetch(Some("chained")).await.unwrap();
    assert!(chained.access_key_id().starts_with("STS.granted-"));
    assert_eq!(
        fakes.sts.seen().last().unwrap().param("RoleSessionName"),
        Some("chained")
    );

    // (The metadata service is on for this one: its switch turns off the instance role in
    // every form.)
    let ecs_env = no_home_env(&home).with_var("ALIBABA_CLOUD_PROFILE", "ecs");
    let ecs = chain(ecs_env, &fakes).provide_credentials().await.unwrap();
    assert_eq!(ecs.access_key_id(), "STS.ecs");
    assert_eq!(
        fakes.imds.seen().last().unwrap().path,
        "/latest/meta-data/ram/security-credentials/EcsRole"
    );

    let oidc = fetch(Some("oidc")).await.unwrap();
    assert!(oidc.access_key_id().starts_with("STS.granted-"));
    assert_eq!(
        fakes.sts.seen().last().unwrap().param("Action"),
        Some("AssumeRoleWithOIDC")
    );

    let e = fetch(Some("loop")).await.unwrap_err();
    assert!(
        ProviderError::to_string(&e).contains("CLI config file"),
        "{e}"
    );
    let chain_text = aliyun_runtime::error::ErrorReport(&e).to_string();
    assert!(chain_text.contains("loops back"), "{chain_text}");

    // An unsupported mode is skipped with its reason; the chain goes on and says so.
    let e = fetch(Some("sso")).await.unwrap_err();
    assert!(e.to_string().contains("CloudSSO"), "{e}");
    let e = fetch(Some("nobody")).await.unwrap_err();
    let text = aliyun_runtime::error::ErrorReport(&e).to_string();
    assert!(text.contains("no profile \"nobody\""), "{text}");
    for secret in [
        SOURCE_SECRET,
        "fixed-secret",
        "fixed-token",
        "eyJ.oidc.token",
    ] {
        assert!(!text.contains(secret), "{text}");
    }
}

#[tokio::test]
async fn credentials_ini_file() {
    let fakes = fakes().await;
    let home = TempHome::new("ini");
    home.write(
        ".alibabacloud/credentials",
        &format!(
            "[default]                          # default profile\n\
             enable = true\n\
             type = access_key                  # Certification type: access_key\n\
             access_key_id = LTAIini            # Key\n\
             access_key_secret = ini-secret     # Secret\n\
             \n\
             [role]\n\
             type = ram_role_arn\n\
             access_key_id = {SOURCE_ID}\n\
             access_key_secret = {SOURCE_SECRET}\n\
             role_arn = {ROLE_ARN}\n\
             role_session_name = ini-session\n\
             \n\
             [off]\n\
             enable = false\n\
             type = access_key\n\
             access_key_id = x\n\
             access_key_secret = y\n"
        ),
    );
    let base = no_home_env(&home).with_var("ALIBABA_CLOUD_ECS_METADATA_DISABLED", "true");
    let c = chain(base.clone(), &fakes)
        .provide_credentials()
        .await
        .unwrap();
    assert_eq!(c.access_key_id(), "LTAIini");
    assert_eq!(c.access_key_secret(), "ini-secret");
    let c = chain(
        base.clone().with_var("ALIBABA_CLOUD_PROFILE", "role"),
        &fakes,
    )
    .provide_credentials()
    .await
    .unwrap();
    assert!(c.access_key_id().starts_with("STS.granted-"));
    let e = chain(base.with_var("ALIBABA_CLOUD_PROFILE", "off"), &fakes)
        .provide_credentials()
        .await
        .unwrap_err();
    assert!(e.to_string().contains("enable = false"), "{e}");
}

#[tokio::test]
async fn chain_order_environment_then_oidc_then_files_then_ecs_then_uri() {
    let fakes = fakes().await;
    let home = TempHome::new("order");
    let token_file = home.write("token", "eyJ.oidc.token");
    cli_config(&home, &token_file.display().to_string());
    let uri = Server::start(|_| {
        reply(
            200,
            r#"{"Code":"Success","AccessKeyId":"STS.uri","AccessKeySecret":"u","SecurityToken":"t","Expiration":"2030-01-01T00:00:00Z"}"#,
        )
    })
    .await;
    let full = no_home_env(&home)
        .with_var("ALIBABA_CLOUD_ACCESS_KEY_ID", "LTAIenv")
        .with_var("ALIBABA_CLOUD_ACCESS_KEY_SECRET", "env-secret")
        .with_var("ALIBABA_CLOUD_SECURITY_TOKEN", "env-token")
        .with_var("ALIBABA_CLOUD_ROLE_ARN", ROLE_ARN)
        .with_var("ALIBABA_CLOUD_OIDC_PROVIDER_ARN", OIDC_PROVIDER_ARN)
        .with_var(
            "ALIBABA_CLOUD_OIDC_TOKEN_FILE",
            token_file.display().to_string(),
        )
        .with_var("ALIBABA_CLOUD_CREDENTIALS_URI", format!("{}/c", uri.url()));
    let id = |c: Credentials| c.access_key_id().to_string();
    let got = chain(full.clone(), &fakes)
        .provide_credentials()
        .await
        .unwrap();
    assert_eq!(id(got.clone()), "LTAIenv");
    assert_eq!(got.security_token(), Some("env-token"));

    // Without the keys: the OIDC role.
    let oidc_env = MapEnvironment::new()
        .with_home(&home.0)
        .with_var("ALIBABA_CLOUD_ROLE_ARN", ROLE_ARN)
        .with_var("ALIBABA_CLOUD_OIDC_PROVIDER_ARN", OIDC_PROVIDER_ARN)
        .with_var(
            "ALIBABA_CLOUD_OIDC_TOKEN_FILE",
            token_file.display().to_string(),
        );
    let got = chain(oidc_env, &fakes).provide_credentials().await.unwrap();
    assert!(id(got).starts_with("STS.granted-"));
    assert_eq!(
        fakes.sts.seen().last().unwrap().param("Action"),
        Some("AssumeRoleWithOIDC")
    );

    // Then the CLI file (its `current` profile is AK).
    let got = chain(no_home_env(&home), &fakes)
        .provide_credentials()
        .await
        .unwrap();
    assert_eq!(id(got), SOURCE_ID);

    // No files: the ECS role, then (metadata off) the URI.
    let empty = TempHome::new("order-empty");
    let got = chain(no_home_env(&empty), &fakes)
        .provide_credentials()
        .await
        .unwrap();
    assert_eq!(id(got), "STS.ecs");
    let got = chain(
        no_home_env(&empty)
            .with_var("ALIBABA_CLOUD_ECS_METADATA_DISABLED", "true")
            .with_var("ALIBABA_CLOUD_CREDENTIALS_URI", format!("{}/c", uri.url())),
        &fakes,
    )
    .provide_credentials()
    .await
    .unwrap();
    assert_eq!(id(got), "STS.uri");
}

#[tokio::test]
async fn empty_chain_names_every_source_tried() {
    let fakes = fakes().await;
    let empty = TempHome::new("nothing");
    let chain = chain(
        no_home_env(&empty).with_var("ALIBABA_CLOUD_ECS_METADATA_DISABLED", "true"),
        &fakes,
    );
    let names = chain.source_names();
    assert_eq!(
        names,
        [
            "environment",
            "OIDC role",
            "CLI config file",
            "credentials file",
            "ECS instance RAM role",
            "credentials URI"
        ]
    );
    let e = chain.provide_credentials().await.unwrap_err();
    let text = e.to_string();
    assert!(text.contains("tried 6"), "{text}");
    for name in names {
        assert!(
            text.contains(&format!("{name}: ")),
            "{name} missing: {text}"
        );
    }
    assert!(text.contains("ALIBABA_CLOUD_ACCESS_KEY_ID"), "{text}");
    assert!(text.contains("config.json does not exist"), "{text}");
    assert!(
        text.contains("ALIBABA_CLOUD_CREDENTIALS_URI is not set"),
        "{text}"
    );

    // Half an OIDC setup is a failure, named, and stops the chain.
    let e = self::chain(
        no_home_env(&empty).with_var("ALIBABA_CLOUD_ROLE_ARN", ROLE_ARN),
        &fakes,
    )
    .provide_credentials()
    .await
    .unwrap_err();
    let text = aliyun_runtime::error::ErrorReport(&e).to_string();
    assert!(
        text.contains("OIDC role") && text.contains("ALIBABA_CLOUD_OIDC_TOKEN_FILE"),
        "{text}"
    );
}

#[tokio::test]
async fn client_uses_the_chain_and_explicit_keys_win() {
    let fakes = fakes().await;
    let empty = TempHome::new("client");
    let chain = chain(
        no_home_env(&empty).with_var("ALIBABA_CLOUD_ECS_METADATA_DISABLED", "true"),
        &fakes,
    );
    let client = Client::builder("Vpc")
        .credentials_provider(chain)
        .endpoint(fakes.sts.url())
        .build()
        .unwrap();
    let error = client.call(&Ping).await.unwrap_err();
    let text = aliyun_runtime::error::ErrorReport(&error).to_string();
    assert!(
        text.starts_with("configuration error: cannot get credentials: no credentials found"),
        "{text}"
    );
    assert_eq!(fakes.sts.count(), 0, "nothing was sent");

    // Explicit keys set after a provider win.
    let chain = self::chain(no_home_env(&empty), &fakes);
    let client = Client::builder("Vpc")
        .credentials_provider(chain)
        .credentials(Credentials::new(SOURCE_ID, SOURCE_SECRET))
        .endpoint(fakes.sts.url())
        .build()
        .unwrap();
    let debug = format!("{client:?}");
    assert!(
        !debug.contains("DefaultChain") && !debug.contains(SOURCE_SECRET),
        "{debug}"
    );
}

/// A minimal request, for the client tests above.
struct Ping;

#[derive(Debug, PartialEq)]
struct PingError(String);

impl std::fmt::Display for PingError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl aliyun_runtime::ApiError for PingError {
    fn from_code(code: &str, _message: &str) -> Self {
        PingError(code.to_string())
    }
    fn code(&self) -> &str {
        &self.0
    }
}

impl aliyun_runtime::Request for Ping {
    type Response = serde_json::Value;
    type Error = PingError;
    const ACTION: &'static str = "Ping";
    const VERSION: &'static str = "2016-04-28";
    const PRODUCT: &'static str = "Vpc";
    const CLIENT_TOKEN: Option<&'static str> = None;
    fn validate(&self) -> Result<(), aliyun_runtime::ValidationError> {
        Ok(())
    }
    fn to_query(&self) -> Vec<(String, String)> {
        vec![("Action".into(), "Ping".into())]
    }
}

#[test]
fn secrets_stay_out_of_debug() {
    let env = MapEnvironment::new()
        .with_var("ALIBABA_CLOUD_ACCESS_KEY_SECRET", "env-secret-value")
        .with_home("/nowhere");
    let chain = DefaultChain::builder()
        .environment(Arc::new(env.clone()))
        .build();
    let cached = CachedProvider::new(Arc::new(Credentials::new("id", "cached-secret")));
    let text = format!("{env:?} {chain:?} {cached:?}");
    assert!(text.contains("ALIBABA_CLOUD_ACCESS_KEY_SECRET"), "{text}");
    assert!(
        !text.contains("env-secret-value") && !text.contains("cached-secret"),
        "{text}"
    );
}
