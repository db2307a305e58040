//! The decode benchmark's program (written out and built by `benches/decode.rs`, which
//! generates the vpn corpus crate beside it): how fast the generated `DescribeVpnGatewaysResponse`
//! decodes large bodies through `aliyun_runtime::de::from_body`, against plain serde in the same
//! binary.
//!
//! Bodies are the doc's own response examples (read by the generator from
//! `../shared/corpus/vpn`, zh-CN `DescribeVpnGateways.md`, and written beside this program as
//! `example.json` and `example.xml`), with the one `VpnGateway` item repeated N times (each copy
//! gets its own `VpnGatewayId`, same length, so that order and identity can be checked) and
//! `TotalCount` = N.
//!
//! Usage:
//!   decode-bench [bench] [--items 10,1000,10000,32000] [--xml-items ...] [--round-ms 1000] [--rounds 5]
//!   decode-bench check   [--items ...]          correctness only
//!   decode-bench mem     [--items ...]          heap peak / retained / allocations per decode
//!   decode-bench once    <method> <items>       one decode; prints the peak RSS (VmHWM)
//!   decode-bench loop    <method> <items> <s>   decode in a loop for <s> seconds, for `perf record`
//! Methods: none, xml-none (build the body only), generated, value-path, value, derive,
//! derive-str, xml-generated, xml-value-path, xml-derive. `value-path` is `from_value` of
//! `body_value` (the lenient rules on a whole-body `Value`, as every decode went before the one
//! pass).
//! The examples' folder: `--examples DIR` (default: the folder of the executable's manifest).

use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::sync::atomic::{AtomicBool, AtomicIsize, AtomicUsize, Ordering::Relaxed};
use std::time::{Duration, Instant};

use aliyun_runtime::de::{body_value, from_body, from_value};
use aliyun_vpc::describe_vpn_gateways::{
    DescribeVpnGatewaysRequest, DescribeVpnGatewaysResponse as GenResponse,
    VpnGateway as GenGateway,
};
use serde::Deserialize;

// ---------------------------------------------------------------------------------------------
// The doc's examples, read from the files the bench driver wrote.

use std::sync::OnceLock;

static EXAMPLES: OnceLock<(String, String)> = OnceLock::new();

fn examples() -> &'static (String, String) {
    EXAMPLES.get_or_init(|| {
        let dir = std::env::var("DECODE_BENCH_EXAMPLES")
            .unwrap_or_else(|_| env!("CARGO_MANIFEST_DIR").to_string());
        let read = |name: &str| {
            std::fs::read_to_string(std::path::Path::new(&dir).join(name))
                .unwrap_or_else(|e| panic!("{dir}/{name}: {e}"))
        };
        (read("example.json"), read("example.xml"))
    })
}

/// The example item's `VpnGatewayId`.
fn example_id() -> &'static str {
    let json = examples().0.as_str();
    let at = json.find("\"VpnGatewayId\":\"").expect("the example has a gateway id") + 16;
    let end = at + json[at..].find('"').expect("its end");
    &json[at..end]
}

/// The i-th gateway's id: as long as the example's, ending in the item's number.
fn gateway_id(i: usize) -> String {
    let prefix = example_id().len().saturating_sub(6);
    format!("{}{i:06}", &example_id()[..prefix])
}

/// The JSON example with its gateway item written `n` times.
fn json_body(n: usize) -> String {
    let json_example = examples().0.as_str();
    let list = json_example.find("\"VpnGateway\":[").expect("the list");
    let start = list + json_example[list..].find('{').expect("an item");
    let end = start + json_example[start..].find('}').expect("its end") + 1;
    let (item, tail) = (&json_example[start..end], &json_example[end..]);
    let head = json_example[..start].replacen("\"TotalCount\":1,", &format!("\"TotalCount\":{n},"), 1);
    let mut body = String::with_capacity(head.len() + tail.len() + n * (item.len() + 8));
    body.push_str(&head);
    for i in 0..n {
        if i > 0 {
            body.push_str(",\n\t\t\t");
        }
        body.push_str(&item.replacen(example_id(), &gateway_id(i), 1));
    }
    body.push_str(tail);
    body
}

/// The XML example with its `<VpnGateway>` element written `n` times.
fn xml_body(n: usize) -> String {
    let xml_example = examples().1.as_str();
    let open = xml_example.find("<VpnGateway>").expect("the item");
    let start = xml_example[..open].rfind('\n').expect("its line");
    let end = open + xml_example[open..].find("</VpnGateway>").expect("its end") + "</VpnGateway>".len();
    let (item, tail) = (&xml_example[start..end], &xml_example[end..]);
    let head = xml_example[..start].replacen(
        "<TotalCount>1</TotalCount>",
        &format!("<TotalCount>{n}</TotalCount>"),
        1,
    );
    let mut body = String::with_capacity(head.len() + tail.len() + n * item.len());
    body.push_str(&head);
    for i in 0..n {
        body.push_str(&item.replacen(example_id(), &gateway_id(i), 1));
    }
    body.push_str(tail);
    body
}

// ---------------------------------------------------------------------------------------------
// Baseline (b)/(c): plain serde derives mirroring the generated response (same fields, wire
// names, `Option`s and documented number types). The same structs read the XML through quick-xml
// (it ignores the root element's name and reads numbers from text).

#[derive(Debug, Deserialize)]
struct DResponse {
    #[serde(rename = "VpnGateways")]
    vpn_gateways: Option<DVpnGateways>,
    #[serde(rename = "TotalCount")]
    total_count: Option<i32>,
    #[serde(rename = "PageNumber")]
    page_number: Option<i32>,
    #[serde(rename = "PageSize")]
    page_size: Option<i32>,
    #[serde(rename = "RequestId")]
    request_id: Option<String>,
}

#[derive(Debug, Deserialize)]
struct DVpnGateways {
    #[serde(rename = "VpnGateway", default)]
    vpn_gateway: Vec<DVpnGateway>,
}

#[derive(Debug, Deserialize)]
struct DVpnGateway {
    #[serde(rename = "VpnGatewayId")]
    vpn_gateway_id: Option<String>,
    #[serde(rename = "VpcId")]
    vpc_id: Option<String>,
    #[serde(rename = "VSwitchId")]
    v_switch_id: Option<String>,
    #[serde(rename = "InternetIp")]
    internet_ip: Option<String>,
    #[serde(rename = "CreateTime")]
    create_time: Option<i64>,
    #[serde(rename = "EndTime")]
    end_time: Option<i64>,
    #[serde(rename = "Spec")]
    spec: Option<String>,
    #[serde(rename = "Name")]
    name: Option<String>,
    #[serde(rename = "Description")]
    description: Option<String>,
    #[serde(rename = "Status")]
    status: Option<String>,
    #[serde(rename = "BusinessStatus")]
    business_status: Option<String>,
    #[serde(rename = "ChargeType")]
    charge_type: Option<String>,
    #[serde(rename = "IpsecVpn")]
    ipsec_vpn: Option<String>,
    #[serde(rename = "SslMaxConnections")]
    ssl_max_connections: Option<i64>,
    #[serde(rename = "SslVpn")]
    ssl_vpn: Option<String>,
    #[serde(rename = "Tag")]
    tag: Option<String>,
}

// ---------------------------------------------------------------------------------------------
// The decoders under test.

#[derive(Clone, Copy, PartialEq, Debug)]
enum Method {
    /// Build the body only (the baseline of `once`).
    None,
    /// Build the XML body only.
    XmlNone,
    /// `aliyun_runtime::de::from_body::<DescribeVpnGatewaysResponse>(&str)`.
    Generated,
    /// `from_value(body_value(&str))`: the rules on a whole-body `Value` (the way before).
    ValuePath,
    /// (a) `serde_json::from_slice::<serde_json::Value>`.
    Value,
    /// (b) `serde_json::from_slice::<DResponse>`.
    Derive,
    /// (b') `serde_json::from_str::<DResponse>` (from_body takes `&str`: no UTF-8 check in strings).
    DeriveStr,
    /// `from_body` on the XML body.
    XmlGenerated,
    /// `from_value(body_value(&str))` on the XML body.
    XmlValuePath,
    /// (c) `quick_xml::de::from_str::<DResponse>`.
    XmlDerive,
}

impl Method {
    const ALL: [Method; 10] = [
        Method::None,
        Method::XmlNone,
        Method::Generated,
        Method::ValuePath,
        Method::Value,
        Method::Derive,
        Method::DeriveStr,
        Method::XmlGenerated,
        Method::XmlValuePath,
        Method::XmlDerive,
    ];
    fn name(self) -> &'static str {
        match self {
            Method::None => "none",
            Method::XmlNone => "xml-none",
            Method::Generated => "generated",
            Method::ValuePath => "value-path",
            Method::Value => "value",
            Method::Derive => "derive",
            Method::DeriveStr => "derive-str",
            Method::XmlGenerated => "xml-generated",
            Method::XmlValuePath => "xml-value-path",
            Method::XmlDerive => "xml-derive",
        }
    }
    fn label(self) -> &'static str {
        match self {
            Method::None => "(JSON body only)",
            Method::XmlNone => "(XML body only)",
            Method::Generated => "generated from_body (JSON)",
            Method::ValuePath => "from_value(body_value) (JSON)",
            Method::Value => "serde_json Value (from_slice)",
            Method::Derive => "serde derive (from_slice)",
            Method::DeriveStr => "serde derive (from_str)",
            Method::XmlGenerated => "generated from_body (XML)",
            Method::XmlValuePath => "from_value(body_value) (XML)",
            Method::XmlDerive => "quick-xml derive (XML)",
        }
    }
    fn parse(s: &str) -> Method {
        Method::ALL
            .into_iter()
            .find(|m| m.name() == s)
            .unwrap_or_else(|| panic!("unknown method {s}"))
    }
    fn xml(self) -> bool {
        matches!(
            self,
            Method::XmlNone | Method::XmlGenerated | Method::XmlValuePath | Method::XmlDerive
        )
    }
    fn body(self, n: usize) -> String {
        if self.xml() {
            xml_body(n)
        } else {
            json_body(n)
        }
    }
    /// Decodes `body` once; returns something that depends on the result (so nothing is
    /// optimised away). The decoded value is dropped inside, so its drop is part of the time,
    /// for every method alike.
    fn run(self, body: &str) -> usize {
        let body = black_box(body);
        match self {
            Method::None | Method::XmlNone => body.len(),
            Method::Generated | Method::XmlGenerated => {
                let r: GenResponse = from_body(body).expect("decodes");
                black_box(&r);
                r.vpn_gateways.map_or(0, |g| g.vpn_gateway.len())
            }
            Method::ValuePath | Method::XmlValuePath => {
                let r: GenResponse = from_value(body_value(body).expect("reads")).expect("decodes");
                black_box(&r);
                r.vpn_gateways.map_or(0, |g| g.vpn_gateway.len())
            }
            Method::Value => {
                let v: serde_json::Value = serde_json::from_slice(body.as_bytes()).expect("decodes");
                black_box(&v);
                v.as_object().map_or(0, |m| m.len())
            }
            Method::Derive => {
                let r: DResponse = serde_json::from_slice(body.as_bytes()).expect("decodes");
                black_box(&r);
                r.vpn_gateways.map_or(0, |g| g.vpn_gateway.len())
            }
            Method::DeriveStr => {
                let r: DResponse = serde_json::from_str(body).expect("decodes");
                black_box(&r);
                r.vpn_gateways.map_or(0, |g| g.vpn_gateway.len())
            }
            Method::XmlDerive => {
                let r: DResponse = quick_xml::de::from_str(body).expect("decodes");
                black_box(&r);
                r.vpn_gateways.map_or(0, |g| g.vpn_gateway.len())
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Correctness: the generated type holds all N gateways, field for field equal to the derive's.

macro_rules! same_fields {
    ($a:expr, $b:expr, $what:expr; $($f:ident),* $(,)?) => {
        $( assert_eq!($a.$f, $b.$f, "{}: {}", $what, stringify!($f)); )*
    };
}

fn same_gateway(g: &GenGateway, d: &DVpnGateway, what: &str) {
    same_fields!(g, d, what;
        vpn_gateway_id, vpc_id, v_switch_id, internet_ip, create_time, end_time, spec, name,
        description, status, business_status, charge_type, ipsec_vpn, ssl_max_connections,
        ssl_vpn, tag);
}

fn check_pair(g: &GenResponse, d: &DResponse, n: usize, what: &str) {
    same_fields!(g, d, what; total_count, page_number, page_size, request_id);
    assert_eq!(g.total_count, Some(n as i32), "{what}: TotalCount");
    let gs = &g.vpn_gateways.as_ref().expect("generated: VpnGateways").vpn_gateway;
    let ds = &d.vpn_gateways.as_ref().expect("derive: VpnGateways").vpn_gateway;
    assert_eq!(gs.len(), n, "{what}: generated gateways");
    assert_eq!(ds.len(), n, "{what}: derive gateways");
    for (i, (a, b)) in gs.iter().zip(ds).enumerate() {
        same_gateway(a, b, what);
        assert_eq!(a.vpn_gateway_id.as_deref(), Some(gateway_id(i).as_str()), "{what}: item {i}");
        // The example's 9 members arrive; the 7 it lacks stay empty.
        // The example's members arrive, as the example has them; the others stay empty.
        let item = example_item();
        assert_eq!(a.create_time, item["CreateTime"].as_i64(), "{what}: item {i}");
        assert_eq!(a.end_time, item["EndTime"].as_i64(), "{what}: item {i}");
        assert_eq!(a.status.as_deref(), item["Status"].as_str(), "{what}: item {i}");
        assert_eq!(a.vpc_id.as_deref(), item["VpcId"].as_str(), "{what}: item {i}");
        assert!(a.create_time.is_some() && a.status.is_some());
        assert!(a.name.is_none() && a.tag.is_none() && a.ssl_max_connections.is_none());
    }
}

/// The example's one gateway, as serde_json reads it.
fn example_item() -> serde_json::Value {
    let v: serde_json::Value = serde_json::from_str(&examples().0).expect("the JSON example");
    v["VpnGateways"]["VpnGateway"][0].clone()
}

fn check(n: usize) {
    let json = json_body(n);
    let g: GenResponse = from_body(&json).expect("generated decodes the JSON");
    let d: DResponse = serde_json::from_slice(json.as_bytes()).expect("derive decodes the JSON");
    check_pair(&g, &d, n, "JSON");
    let xml = xml_body(n);
    let gx: GenResponse = from_body(&xml).expect("generated decodes the XML");
    let dx: DResponse = quick_xml::de::from_str(&xml).expect("quick-xml decodes the XML");
    check_pair(&gx, &dx, n, "XML");
    // JSON and XML give the same gateways (the two examples differ only in RequestId).
    assert_eq!(
        g.vpn_gateways, gx.vpn_gateways,
        "generated: JSON and XML gateways differ"
    );
    // The client's own path (status 200, bytes) gives the same value as from_body.
    let via_client = aliyun_runtime::http::parse_response::<DescribeVpnGatewaysRequest>(
        200,
        Some("application/json"),
        json.as_bytes(),
    )
    .expect("parse_response");
    assert_eq!(via_client, g);
    println!(
        "check {n} items: OK (JSON {} bytes, XML {} bytes; generated == derive field by field, JSON == XML, parse_response == from_body)",
        json.len(),
        xml.len()
    );
}

// ---------------------------------------------------------------------------------------------
// Timing: each case is calibrated to rounds of at least `round`, then the cases of one table
// are timed round-robin (round 1 of every case, then round 2, ...) so that load from other
// processes falls on all of them alike; the median of the rounds is reported.

struct Timing {
    median_ns: f64,
    min_ns: f64,
    max_ns: f64,
    iters: u64,
}

fn calibrate(round: Duration, f: &dyn Fn() -> usize) -> u64 {
    let start = Instant::now();
    let mut n = 0u64;
    while n < 3 || start.elapsed() < Duration::from_millis(300) {
        black_box(f());
        n += 1;
    }
    let per = start.elapsed().as_secs_f64() / n as f64;
    ((round.as_secs_f64() / per).ceil() as u64).max(1)
}

fn measure_all(round: Duration, rounds: usize, cases: &[&dyn Fn() -> usize]) -> Vec<Timing> {
    let iters: Vec<u64> = cases.iter().map(|f| calibrate(round, *f)).collect();
    let mut samples = vec![Vec::with_capacity(rounds); cases.len()];
    for _ in 0..rounds {
        for (i, f) in cases.iter().enumerate() {
            let t = Instant::now();
            for _ in 0..iters[i] {
                black_box(f());
            }
            samples[i].push(t.elapsed().as_secs_f64() * 1e9 / iters[i] as f64);
        }
    }
    samples
        .into_iter()
        .zip(iters)
        .map(|(mut s, iters)| {
            s.sort_by(|a, b| a.total_cmp(b));
            Timing {
                median_ns: s[s.len() / 2],
                min_ns: s[0],
                max_ns: s[s.len() - 1],
                iters,
            }
        })
        .collect()
}

fn fmt_time(ns: f64) -> String {
    if ns >= 1e6 {
        format!("{:.2} ms", ns / 1e6)
    } else {
        format!("{:.1} µs", ns / 1e3)
    }
}

fn fmt_size(bytes: usize) -> String {
    if bytes >= 1_000_000 {
        format!("{:.2} MB", bytes as f64 / 1e6)
    } else {
        format!("{:.1} KB", bytes as f64 / 1e3)
    }
}

/// MB/s with MB = 10^6 bytes.
fn mbps(bytes: usize, ns: f64) -> f64 {
    bytes as f64 * 1e3 / ns
}

fn bench(items: &[usize], xml_items: &[usize], round: Duration, rounds: usize) {
    println!(
        "timing: median of {rounds} rounds of >= {} ms each, the cases of one size timed round-robin; [min .. max]; decode + drop of the result",
        round.as_millis()
    );
    for &n in items {
        let mut methods = vec![
            Method::Generated,
            Method::ValuePath,
            Method::Value,
            Method::Derive,
            Method::DeriveStr,
        ];
        if xml_items.contains(&n) {
            methods.extend([Method::XmlGenerated, Method::XmlValuePath, Method::XmlDerive]);
        }
        let (json, xml) = (json_body(n), xml_body(n));
        let body = |m: Method| if m.xml() { &xml } else { &json };
        let closures: Vec<Box<dyn Fn() -> usize + '_>> = methods
            .iter()
            .map(|&m| {
                let b = body(m);
                Box::new(move || m.run(b)) as Box<dyn Fn() -> usize>
            })
            .collect();
        let cases: Vec<&dyn Fn() -> usize> = closures.iter().map(|b| b.as_ref()).collect();
        let timings = measure_all(round, rounds, &cases);
        for (m, t) in methods.iter().zip(&timings) {
            let len = body(*m).len();
            println!(
                "{n:>6} items {:>9} {:<30} {:>10}/decode {:>8.1} MB/s  [{} .. {}] x{}",
                fmt_size(len),
                m.label(),
                fmt_time(t.median_ns),
                mbps(len, t.median_ns),
                fmt_time(t.min_ns),
                fmt_time(t.max_ns),
                t.iters
            );
        }
        let get = |m: Method| methods.iter().position(|x| *x == m).map(|i| &timings[i]);
        let (g, v, d, ds) = (
            get(Method::Generated).unwrap(),
            get(Method::Value).unwrap(),
            get(Method::Derive).unwrap(),
            get(Method::DeriveStr).unwrap(),
        );
        println!(
            "{n:>6} items   ratio (median; min) generated/derive(from_slice) = {:.2}x; {:.2}x, generated/derive(from_str) = {:.2}x; {:.2}x, generated/Value = {:.2}x; {:.2}x",
            g.median_ns / d.median_ns,
            g.min_ns / d.min_ns,
            g.median_ns / ds.median_ns,
            g.min_ns / ds.min_ns,
            g.median_ns / v.median_ns,
            g.min_ns / v.min_ns,
        );
        if let (Some(g), Some(d)) = (get(Method::XmlGenerated), get(Method::XmlDerive)) {
            println!(
                "{n:>6} items   ratio (median; min) XML generated/quick-xml derive = {:.2}x; {:.2}x",
                g.median_ns / d.median_ns,
                g.min_ns / d.min_ns
            );
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Heap accounting (only while TRACK is set: a relaxed load per allocation otherwise).

struct Counting;
static TRACK: AtomicBool = AtomicBool::new(false);
static CURRENT: AtomicIsize = AtomicIsize::new(0);
static PEAK: AtomicIsize = AtomicIsize::new(0);
static ALLOCS: AtomicUsize = AtomicUsize::new(0);

fn grew(by: isize) {
    let now = CURRENT.fetch_add(by, Relaxed) + by;
    PEAK.fetch_max(now, Relaxed);
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if TRACK.load(Relaxed) && !p.is_null() {
            ALLOCS.fetch_add(1, Relaxed);
            grew(layout.size() as isize);
        }
        p
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        if TRACK.load(Relaxed) {
            CURRENT.fetch_sub(layout.size() as isize, Relaxed);
        }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if TRACK.load(Relaxed) && !p.is_null() {
            ALLOCS.fetch_add(1, Relaxed);
            grew(new_size as isize - layout.size() as isize);
        }
        p
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// Heap bytes requested at the peak of one decode (result kept), bytes the result keeps, and
/// allocation calls.
fn heap_of(m: Method, body: &str) -> (isize, isize, usize) {
    CURRENT.store(0, Relaxed);
    PEAK.store(0, Relaxed);
    ALLOCS.store(0, Relaxed);
    TRACK.store(true, Relaxed);
    let kept: Box<dyn std::any::Any> = match m {
        Method::None | Method::XmlNone => Box::new(()),
        Method::Generated | Method::XmlGenerated => Box::new(from_body::<GenResponse>(body).unwrap()),
        Method::ValuePath | Method::XmlValuePath => {
            Box::new(from_value::<GenResponse>(body_value(body).unwrap()).unwrap())
        }
        Method::Value => Box::new(serde_json::from_slice::<serde_json::Value>(body.as_bytes()).unwrap()),
        Method::Derive => Box::new(serde_json::from_slice::<DResponse>(body.as_bytes()).unwrap()),
        Method::DeriveStr => Box::new(serde_json::from_str::<DResponse>(body).unwrap()),
        Method::XmlDerive => Box::new(quick_xml::de::from_str::<DResponse>(body).unwrap()),
    };
    let out = (PEAK.load(Relaxed), CURRENT.load(Relaxed), ALLOCS.load(Relaxed));
    TRACK.store(false, Relaxed);
    drop(kept);
    out
}

fn mem(items: &[usize]) {
    println!("heap per decode (Rust allocator requests, not RSS): peak during decode | kept by the result | allocation calls");
    for &n in items {
        for m in &Method::ALL[2..] {
            let body = m.body(n);
            let (peak, kept, allocs) = heap_of(*m, &body);
            println!(
                "{n:>6} items {:>9} {:<30} peak {:>8.2} MB ({:>4.1}x body) | kept {:>8.2} MB | {:>9} allocs ({:.1}/item)",
                fmt_size(body.len()),
                m.label(),
                peak as f64 / 1e6,
                peak as f64 / body.len() as f64,
                kept as f64 / 1e6,
                allocs,
                allocs as f64 / n as f64
            );
        }
    }
}

// ---------------------------------------------------------------------------------------------

/// The process's peak resident set (`VmHWM` of /proc/self/status), in KiB; 0 where unknown.
fn peak_rss_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| {
            let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
            line.split_whitespace().nth(1)?.parse().ok()
        })
        .unwrap_or(0)
}

fn list(arg: &str) -> Vec<usize> {
    arg.split(',').map(|s| s.trim().replace('_', "").parse().expect("a number")).collect()
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut items = vec![10, 1_000, 10_000, 32_000];
    let mut xml_items = vec![10, 1_000, 10_000, 32_000];
    let mut round = Duration::from_millis(1000);
    let mut rounds = 5;
    let mut rest = Vec::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--items" => items = list(it.next().expect("--items LIST")),
            "--xml-items" => xml_items = list(it.next().expect("--xml-items LIST")),
            "--round-ms" => round = Duration::from_millis(it.next().expect("ms").parse().unwrap()),
            "--rounds" => rounds = it.next().expect("n").parse().unwrap(),
            other => rest.push(other.to_string()),
        }
    }
    match rest.first().map(String::as_str).unwrap_or("bench") {
        "bench" => {
            check(*items.iter().max().unwrap());
            bench(&items, &xml_items, round, rounds);
        }
        "check" => items.iter().for_each(|&n| check(n)),
        "mem" => mem(&items),
        "once" => {
            let m = Method::parse(&rest[1]);
            let n: usize = rest[2].parse().unwrap();
            let body = m.body(n);
            let got = m.run(&body);
            println!(
                "{} {n} items ({} bytes): {got}; peak RSS {} KiB",
                m.name(),
                body.len(),
                peak_rss_kib()
            );
        }
        "loop" => {
            let m = Method::parse(&rest[1]);
            let n: usize = rest[2].parse().unwrap();
            let secs: f64 = rest[3].parse().unwrap();
            let body = m.body(n);
            let t = Instant::now();
            let mut k = 0u64;
            while t.elapsed().as_secs_f64() < secs {
                black_box(m.run(&body));
                k += 1;
            }
            println!("{} {n} items: {k} decodes, {}/decode", m.name(), fmt_time(t.elapsed().as_secs_f64() * 1e9 / k as f64));
        }
        other => panic!("unknown command {other}"),
    }
}
