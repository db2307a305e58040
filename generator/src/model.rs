//! The intermediate model (IR): what the parser understood of an API document.
//!
//! Plain serde data with no knowledge of Markdown or Rust. Only `Vec` and `BTreeMap` are used so
//! that serialising the IR, and everything emitted from it, is deterministic.

use serde::{Deserialize, Serialize};

/// One API operation, e.g. Vpc `CreateSslVpnServer`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Api {
    /// The operation name (the `Action` value).
    pub name: String,
    /// Product code as used by the OpenAPI Explorer (`Vpc`, `Ga`, `pvtz`).
    pub product: String,
    /// API version, `YYYY-MM-DD`.
    pub version: String,
    /// `RPC` or `ROA` (REST style: a method and a path).
    pub style: String,
    /// ROA: the HTTP method, or the documented alternatives joined by `|` (`PATCH|POST`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub method: Option<String>,
    /// ROA: the path template, placeholders written `{Name}` with the field's wire name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// ROA: the body's media type when the doc names one other than JSON
    /// (`application/xml`: the `payload` field is sent as written).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content_type: Option<String>,
    /// The intro prose under the title.
    pub summary: String,
    /// The documents this API was read from (several when zh-CN and en-US are merged).
    pub sources: Vec<Source>,
    pub request: Vec<Field>,
    pub response: Vec<Field>,
    pub errors: Vec<ErrorCode>,
    pub examples: Examples,
}

/// A document an API was read from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    pub file: String,
    /// `zh-CN` or `en-US`, guessed from the wording of the section headings.
    pub lang: String,
}

/// A request parameter or response field. Containers hold their members in `children`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Field {
    /// The wire name of this level (`Tag` for `Tag.N.Key`, `Key` for its child).
    pub name: String,
    /// Other spellings of the same wire name (response fields): the table writes `RequestId`,
    /// the example `requestId`; the field is one, decoded from either (`name` is the
    /// example's spelling, the wire's evidence).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    #[serde(rename = "type")]
    pub ty: Type,
    /// The type cell as written in the doc (after un-escaping).
    pub raw_type: String,
    /// Request fields only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub required: Option<bool>,
    /// For `Array`: the type of one item (`Object` when the items have `children`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item_type: Option<Type>,
    /// How a request container travels on the wire.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wire: Option<WireStyle>,
    /// ROA request fields: where the value goes (see [`location`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub example: Option<String>,
    /// Description in the first language (English when an en-US doc was merged in).
    pub description: String,
    /// The same description in other languages, in merge order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub translations: Vec<Translation>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub constraints: Vec<Constraint>,
    /// Rules read from the prose that a value the doc itself gives breaks: not enforced, kept
    /// as documentation with the value that contradicts them ([`crate::parse::evidence`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub demoted: Vec<Demoted>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub children: Vec<Field>,
    /// 1-based line of the row in the first source document.
    pub line: usize,
    /// The row's name as the doc writes it when it gives a list position as a number
    /// (`InstanceId.1`, `Filter.1.Key`) where the IR reads a list (`N`): the only trace of that
    /// spelling, which `diff` reports when it changes (`InstanceId.1` → `InstanceId.N`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub written_name: Option<String>,
}

impl Field {
    /// A field with only a name, a type and its line: what the parser makes for a container
    /// or a member that no table row describes.
    /// Sends the field, and every member of it, at `loc` (a [`location`] name).
    pub fn set_location(&mut self, loc: &str) {
        self.location = Some(loc.to_string());
        for c in &mut self.children {
            c.set_location(loc);
        }
    }

    pub fn bare(name: &str, ty: Type, line: usize) -> Field {
        Field {
            name: name.to_string(),
            aliases: Vec::new(),
            ty,
            raw_type: String::new(),
            required: None,
            item_type: None,
            wire: None,
            location: None,
            example: None,
            description: String::new(),
            translations: Vec::new(),
            constraints: Vec::new(),
            demoted: Vec::new(),
            children: Vec::new(),
            line,
            written_name: None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Translation {
    pub lang: String,
    pub text: String,
}

/// The IR type of a field.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Type {
    String,
    Integer,
    Long,
    Boolean,
    Float,
    Double,
    Array,
    Object,
    Map,
    Json,
    /// A documented type name the generator has no mapping for; emitted as a string.
    Other(String),
}

impl Type {
    pub fn as_str(&self) -> &str {
        match self {
            Type::String => "String",
            Type::Integer => "Integer",
            Type::Long => "Long",
            Type::Boolean => "Boolean",
            Type::Float => "Float",
            Type::Double => "Double",
            Type::Array => "Array",
            Type::Object => "Object",
            Type::Map => "Map",
            Type::Json => "Json",
            Type::Other(name) => name,
        }
    }

    pub fn from_name(name: &str) -> Type {
        match name {
            "String" => Type::String,
            "Integer" => Type::Integer,
            "Long" => Type::Long,
            "Boolean" => Type::Boolean,
            "Float" => Type::Float,
            "Double" => Type::Double,
            "Array" => Type::Array,
            "Object" => Type::Object,
            "Map" => Type::Map,
            "Json" => Type::Json,
            other => Type::Other(other.to_string()),
        }
    }

    pub fn is_container(&self) -> bool {
        matches!(self, Type::Array | Type::Object)
    }
}

impl Serialize for Type {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Type {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let name = String::deserialize(d)?;
        Ok(Type::from_name(&name))
    }
}

/// How a request array or object is put on the wire.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WireStyle {
    /// `Tag.1.Key=a&Tag.1.Value=b` (1-based indices, dotted members).
    RepeatList,
    /// The whole value JSON-encoded into one parameter.
    Json,
}

/// A rule stated in a description, with the sentence it came from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Constraint {
    #[serde(flatten)]
    pub rule: Rule,
    /// The sentence (or list) the rule was read from.
    pub source: String,
}

/// A rule the doc's own evidence contradicts: documented, not enforced.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Demoted {
    #[serde(flatten)]
    pub constraint: Constraint,
    /// The value the doc gives that the rule would reject, and where it stands.
    pub contradicted_by: Evidence,
}

/// A value a doc gives for a parameter: its table example, a request example's value, one of
/// the values its description lists.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    pub value: String,
    pub file: String,
    pub line: usize,
}

/// The constraint vocabulary (documented in the README).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Rule {
    /// The value must be one of these.
    Enum { values: Vec<EnumValue> },
    /// The service's default when the parameter is omitted.
    Default { value: String },
    /// String length in characters, inclusive bounds.
    Length {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        min: Option<u64>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        max: Option<u64>,
    },
    /// Numeric range.
    Range {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        min: Option<Number>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        max: Option<Number>,
        #[serde(default, skip_serializing_if = "is_false")]
        min_exclusive: bool,
        #[serde(default, skip_serializing_if = "is_false")]
        max_exclusive: bool,
    },
    /// Values that are not allowed (compared with the wire value).
    Forbidden { values: Vec<String> },
    /// Prefixes the value must not start with.
    PrefixForbidden { values: Vec<String> },
    /// Character classes: what the first character must be, and what all characters may be.
    Chars {
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        first: Vec<CharClass>,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        allowed: Vec<CharClass>,
    },
    /// Only ASCII characters.
    Ascii,
    /// A named format: `cidr`, `ipv4`, `ipv6`, `ip`, `port`, `datetime`, `date`, `json`.
    Format {
        name: String,
        /// The layout spelled out in the doc, for time formats (`YYYY-MM-DDThh:mm:ssZ`).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pattern: Option<String>,
    },
    /// Number of items of a list (`N的取值范围为1~20`).
    Items {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        min: Option<u64>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        max: Option<u64>,
    },
    /// Several values in one string, separated by `separator`.
    MultiValue {
        separator: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        max: Option<u64>,
    },
    /// A JSON-encoded value: an array of `min_items..=max_items` items, and the member keys the
    /// doc names one by one (documentation only).
    Json {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        min_items: Option<u64>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        max_items: Option<u64>,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        keys: Vec<String>,
    },
    /// The value must differ between requests (an idempotency token): a client may generate it.
    Unique,
    /// The value must not be empty (`不允许为空字符串`, `cannot be an empty string`).
    NotEmpty,
    /// Substrings the value must not contain anywhere (`不能包含http://或者https://`).
    ForbiddenSubstrings { values: Vec<String> },
    /// A numeric range that depends on the value of another parameter of the same request
    /// (`cloud：5~2000; cloud_essd：20~32768` keyed on `Category`). Values of `other` not listed
    /// leave this parameter unchecked.
    RangeWhen {
        other: String,
        cases: Vec<RangeCase>,
    },
    /// A relation with another parameter of the same request (by wire name, as the doc writes
    /// it: `DataDisk.N.Category` beside `DataDisk.N.Size` means the member of the same item).
    Relation {
        relation: RelationKind,
        other: String,
        /// The value of `other` the relation depends on (`required_when`, `applies_when`).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        value: Option<String>,
        /// The condition on `other` is negated: "when X is not set" (no `value`) or
        /// "when X is not Y" (with `value`).
        #[serde(default, skip_serializing_if = "is_false")]
        negated: bool,
        /// Further conditions that must all hold as well (`required_when`, `applies_when`:
        /// "required when A is on and B is insert").
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        also: Vec<Condition>,
        /// `ordered` only: the largest allowed distance from `other`, in seconds for times
        /// ("The maximum time range is 31 days" is 2678400).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        max_span_secs: Option<u64>,
    },
}

/// One condition on another parameter of the same request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Condition {
    /// The parameter's wire name, as the doc writes it.
    pub param: String,
    /// The value it is compared with; `None` means "is set" (or "is not set" when negated).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    #[serde(default, skip_serializing_if = "is_false")]
    pub negated: bool,
}

/// The range a `range_when` rule allows while `other` has the wire value `value`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RangeCase {
    pub value: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<Number>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<Number>,
}

impl Rule {
    /// A plain relation: one condition on `other`, not negated, no span.
    pub fn relation(
        relation: RelationKind,
        other: impl Into<String>,
        value: Option<String>,
    ) -> Rule {
        Rule::Relation {
            relation,
            other: other.into(),
            value,
            negated: false,
            also: Vec::new(),
            max_span_secs: None,
        }
    }
}

fn is_false(b: &bool) -> bool {
    !*b
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RelationKind {
    /// Both are CIDR blocks that must not overlap.
    NoOverlap,
    /// Must not be set together with `other`.
    MutuallyExclusive,
    /// When this is set, `other` must be set too.
    Requires,
    /// This is required when `other` is set (to `value`, when given).
    RequiredWhen,
    /// This or `other` (or both) must be set.
    AtLeastOneOf,
    /// This only takes effect when `other` is set (to `value`, when given): documentation only,
    /// a request that sets it anyway is not wrong.
    AppliesWhen,
    /// This must not be earlier (or smaller) than `other` ("the end time must be later than the
    /// start time"), and at most `max_span_secs` after it when given. Values are compared as
    /// times (ISO 8601 or epoch milliseconds) or as numbers.
    Ordered,
    /// When both are set, this must not have the same value as `other` ("不允许与RemovalPolicy.1
    /// 取值相同", "must be different from X").
    DifferentFrom,
}

/// A character class in a `chars` rule.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CharClass {
    /// A–Z and a–z.
    Letter,
    Upper,
    Lower,
    Digit,
    /// Chinese characters.
    Cjk,
    /// One literal character.
    Char(char),
}

/// A number in a range: integers stay integers in the IR JSON.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Number {
    Int(i64),
    Float(f64),
}

impl Number {
    pub fn as_f64(self) -> f64 {
        match self {
            Number::Int(i) => i as f64,
            Number::Float(f) => f,
        }
    }
}

impl std::fmt::Display for Number {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Number::Int(i) => write!(f, "{i}"),
            Number::Float(x) => write!(f, "{x}"),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EnumValue {
    pub value: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
}

/// A documented error code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorCode {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub http_status: Option<u16>,
    pub code: String,
    pub message: String,
    pub description: String,
    pub line: usize,
}

/// The request and response examples of a doc.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Examples {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub requests: Vec<RequestExample>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub responses: Vec<ResponseExample>,
    /// ROA request examples: method, path, query and body as the doc shows them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub http_requests: Vec<HttpRequestExample>,
}

/// Where a ROA request field travels (`Field::location`). A doc may name another place; it is
/// kept lower-cased as written.
pub mod location {
    /// A `{Name}` placeholder of the path template.
    pub const PATH: &str = "path";
    pub const QUERY: &str = "query";
    pub const HEADER: &str = "header";
    /// A member of the JSON object sent as the body.
    pub const BODY: &str = "body";
    /// The whole body: the field's value is the JSON sent (iotedge `Payload`, an array body).
    pub const PAYLOAD: &str = "payload";
    /// A field of an `application/x-www-form-urlencoded` body.
    pub const FORM: &str = "form";
    /// The first label of the host name (`Host: ProjectName.Endpoint`): the request goes to
    /// `{value}.{endpoint}`.
    pub const HOST: &str = "host";
}

/// A ROA request example as the doc shows it (placeholders the doc left unfilled stay `{x}`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HttpRequestExample {
    /// Empty when the example writes no method (a bare URL): the request line's.
    pub method: String,
    /// The path without the query; empty when the example writes none (`http://host&…`).
    pub path: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub query: Vec<QueryParam>,
    /// The JSON body, compact.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
    /// The fields of a form body (`Name=value&…`, or one pair per line).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub form: Vec<QueryParam>,
    /// An XML body (a well-formed document), as written but for the indentation of its lines.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub xml: Option<String>,
    /// The host the example sends to: its `Host:` header (also inside a `Header :` block) or
    /// the host of its URL, spaces removed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub host: Option<String>,
    pub file: String,
    pub line: usize,
}

/// A request example: the query parameters it lists, common parameters left out.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RequestExample {
    pub params: Vec<QueryParam>,
    /// The example's text of this request as written (from its URL on): the generated test
    /// reads it a second time, independently, and checks that `params` agree with it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub raw: String,
    /// Whether every value that looks like JSON is JSON; invalid examples are kept, not tested.
    #[serde(default = "valid_by_default")]
    pub valid: bool,
    pub file: String,
    pub line: usize,
}

fn valid_by_default() -> bool {
    true
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueryParam {
    pub name: String,
    pub value: String,
}

/// A response example body, with the header lines and comments stripped.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ResponseExample {
    pub format: ExampleFormat,
    /// `true` for success examples, `false` for documented error responses.
    pub success: bool,
    pub body: String,
    /// Whether the body is well-formed JSON/XML; invalid bodies are kept but not tested.
    pub valid: bool,
    pub file: String,
    pub line: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ExampleFormat {
    Json,
    Xml,
}

/// What a crate knows about the product it calls, from its product pages (endpoint tables,
/// common parameters, request structure) and its APIs' OpenAPI Explorer links: the crate-level
/// part of the IR, emitted as the crate's `SERVICE` and kept in the lock file.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Service {
    /// Product code (`Vpc`); empty when nothing gives it.
    pub product: String,
    /// API version (`2016-04-28`); empty when nothing gives it.
    pub version: String,
    /// How hosts are named for regions the table does not list.
    pub rule: EndpointRule,
    /// The documented endpoint table, rows in the order the pages give them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub endpoints: Vec<RegionEndpoint>,
    /// The product pages read (files), in path order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pages: Vec<String>,
}

/// The endpoint rule of a [`Service`]: what the docs state, or the guess when they state none.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum EndpointRule {
    /// `{prefix}.{region}.aliyuncs.com`, as a stated pattern (`mse.[RegionId].aliyuncs.com`) or
    /// the table's hosts show.
    Regional { prefix: String },
    /// One host for every region (`vpc.aliyuncs.com`), as the pages state.
    Central { host: String },
    /// Only the regions the table lists (its hosts follow no `{prefix}.{region}` pattern).
    TableOnly,
    /// The docs state no endpoint: `{product lower-cased}.{region}.aliyuncs.com` is a guess.
    #[default]
    Guess,
}

/// One row of an endpoint table: a region's host on one network.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct RegionEndpoint {
    /// Region ID as the table gives it (`cn-hangzhou`).
    pub region: String,
    pub network: Network,
    /// `host` without scheme (`vpc.cn-hangzhou.aliyuncs.com`).
    pub host: String,
}

/// Which of a region's hosts a table row gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Network {
    /// Reachable from the internet.
    Public,
    /// Reachable only from inside an Alibaba Cloud VPC (the tables' VPC, internal or intranet
    /// column).
    Vpc,
}
