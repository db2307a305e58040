#!/usr/bin/env python3
"""Hand-written rule labels for the 40 docs drawn by sample.py (see ../wide-rule-labels.FORMAT.md).

Every label below comes from reading the doc. The script only fills in the mechanical fields:
`line` (the start line of the parameter's row, unless the rule is stated elsewhere and a line is given),
the default relation fields, and `examples` (the row's example cell with markdown escapes removed, the
request example's `?Name=value` / `&Name=value` pairs, and the hand-copied values of JSON/XML/code
request examples in EXTRA_EXAMPLES). Writes ../wide-rule-labels.json.
"""
import json, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import docparse, sample  # noqa: E402

POPULATION, DOCS = sample.draw()
RULES, NOT_LABELLED = [], []

# Values of request examples that are not `Name=value` pairs (JSON or XML bodies, Go code, curl -d),
# copied verbatim from the doc's request example.
EXTRA_EXAMPLES = {
    ('acms/zh-CN/DeleteConfig.md', 'ConfigParam.DataId'): ['com.alibaba.nacos.example.properties'],
    ('acms/zh-CN/DeleteConfig.md', 'ConfigParam.Group'): ['DEFAULT_GROUP'],
    ('elasticsearch-roa/en-US/UpdateDict.md', 'ossObject'): [
        '{ "bucketName":"search-cloud-test-cn-****", "key":"user_dict/dict_0.dic" }',
        '{ "bucketName":"search-cloud-test-cn-****", "key":"user_dict/dict_2.dic" }'],
    ('elasticsearch-roa/en-US/UpdateDict.md', 'sourceType'): ['OSS', 'ORIGIN'],
    ('elasticsearch-roa/en-US/UpdateDict.md', 'type'): ['MAIN', 'STOP'],
    ('iotedge-roa/zh-CN/SearchThings.md', 'Payload'): ['{"Tags":{"Name":"LightSensor"}}'],
    ('mse-roa/zh-CN/AttachPolicy.md', 'direction'): ['INBOUND'],
    ('mse-roa/zh-CN/AttachPolicy.md', 'policyName'): ['route'],
    ('mse-roa/zh-CN/AttachPolicy.md', 'priority'): ['0'],
    ('mse-roa/zh-CN/AttachPolicy.md', 'scope'): ['REQUEST'],
    ('oss-roa/en-US/PutBucketTransferAcceleration.md', 'Enabled'): ['true'],
    ('oss-roa/zh-CN/PutBucketTransferAcceleration.md', 'Enabled'): ['true'],
    ('sls-roa/zh-CN/UpdateProject.md', 'description'): ['Description of my-project-test'],
    ('webx-roa/zh-CN/DryRunCreateAppEnv.md', 'OptionSettings'): [
        '[{"path":"resources.ecs.autoScaling", "name":"instanceNum","value":"10"},     '
        '{"path":"application.option", "name":"port","value":"8081"}]'],
    ('webx-roa/zh-CN/DryRunCreateAppEnv.md', 'ProfileName'): ['HighAvailability'],
}

# Example cells that are placeholders, not values.
PLACEHOLDER_EXAMPLES = {'', 'N/A', '不涉及'}

_rows = {}


def rows(doc):
    if doc not in _rows:
        _rows[doc] = docparse.request_rows(doc)
    return _rows[doc]


def name_re(param):
    """`Tag.N.Key` matches the request example's `Tag.1.Key`."""
    return re.compile('^' + '.'.join(r'\d+' if s in ('N', 'n') else re.escape(s)
                                     for s in param.split('.')) + '$')


def examples(doc, param):
    out = []
    rr = [r for r in rows(doc) if r['name'] == param]
    if rr and rr[0]['example'] is not None and rr[0]['example'] not in PLACEHOLDER_EXAMPLES:
        out.append(rr[0]['example'])
    nr = name_re(param)
    for k, vs in docparse.query_examples(doc).items():
        if nr.match(k):
            out += vs
    out += EXTRA_EXAMPLES.get((doc, param), [])
    seen, uniq = set(), []
    for v in out:
        if v not in seen:
            seen.add(v)
            uniq.append(v)
    return uniq


def r(doc, param, kind, sentence, other=None, line=None, doubt=None, **kw):
    if line is None:
        cand = [x['line'] for x in rows(doc) if x['name'] == param]
        assert len(cand) == 1, (doc, param, cand)
        line = cand[0]
    d = {'doc': doc, 'line': line, 'param': param, 'kind': kind, 'other': other}
    if kind in ('required_when', 'applies_when'):
        d.update(value=None, negated=False, also=[])
    if kind == 'ordered':
        d.update(max_span_secs=None)
    d.update(kw)
    d['sentence'] = sentence
    ex = examples(doc, param)
    if ex:
        d['examples'] = ex
    if doubt:
        d['doubtful'] = doubt
    RULES.append(d)


def skip(doc, line, param, reason):
    """A statement that was read and deliberately not labelled (informative; see FORMAT.md)."""
    NOT_LABELLED.append({'doc': doc, 'line': line, 'param': param, 'reason': reason})


NOUN_FORMAT = 'format implied only by the noun in the description'
START_VALUE = "'starting value 1' of a page number read as a minimum"
NORMALISED = "'归一化百分比' (normalised percentage) read as the range 0..1; no bound is written"
STRING_BOOL = 'String-typed parameter whose listed values are true/false; counted as enum because the type is String, not Boolean'
ERROR_TABLE_DISTINCT = 'stated only in the error-code table; the vocabulary has no kind for distinct list items'
OTS_NESTED = 'constraint on the contents of the nested protobuf messages of the list, not on a value the table describes'

# ---------------------------------------------------------------- acms
d = 'acms/zh-CN/DeleteConfig.md'
r(d, 'ConfigParam.DataId', 'chars', '只允许使用英文字符和 4 种特殊字符（“.”、“:”、“-”、“\\_”）',
  allowed=['lowercase letters', '.', ':', '-', '_'], more_sentences=['全部字符均为小写。'],
  note="'英文字符' read as letters; '全部字符均为小写' (all characters lower case) narrows them to lower-case letters")
r(d, 'ConfigParam.DataId', 'length', '不超过 256 字节', min=None, max=256, unit='bytes')
r(d, 'ConfigParam.Group', 'chars', '只允许使用英文字符和 4 种特殊字符（“.”、“:”、“-”、“\\_”）',
  allowed=['letters', '.', ':', '-', '_'], note="'英文字符' read as letters")
r(d, 'ConfigParam.Group', 'length', '不超过 128 字节', min=None, max=128, unit='bytes')
skip(d, 17, 'ConfigParam.DataId', "'采用类似 package.class 的命名规则保证全局唯一性' is naming advice, not a uniqueness rule the request can check")

# ---------------------------------------------------------------- aegis
d = 'aegis/zh-CN/DescribeAlarmEventList.md'
r(d, 'CurrentPage', 'range', '起始值：1', min=1, max=None, doubt=START_VALUE)
r(d, 'CurrentPage', 'default', '默认值：1', value=1)
r(d, 'From', 'enum', '固定为aqs', values=['aqs'])
r(d, 'PageSize', 'default', '默认值: 20', value='20', note='String-typed parameter, so the value is the string "20"')
r(d, 'Dealed', 'enum', '-   N：待处理告警', values=['N', 'Y'])
r(d, 'Lang', 'enum', '-   zh：中文', values=['zh', 'cn'], note="the doc gives 'cn' for English")
r(d, 'Levels', 'multi_value', '多个严重等级用逗号分隔', separator=',', max=None)
r(d, 'Levels', 'enum', '-   serious：紧急', values=['serious', 'suspicious', 'remind'],
  applies_to='each comma-separated value')
r(d, 'SourceIp', 'format', '请求源IP', values=['ip'], doubt=NOUN_FORMAT)

# ---------------------------------------------------------------- avds
d = 'avds/zh-CN/DescribeAssetsByTags.md'
r(d, 'Lang', 'enum', '-   **zh**：中文', values=['zh', 'en'])
r(d, 'Type', 'enum', '-   **ip**：IP类型资产', values=['ip', 'domain'], contradicted_by_example='Ip')
r(d, 'SourceIp', 'format', '指定访问者源IP', values=['ip'], doubt=NOUN_FORMAT)

# ---------------------------------------------------------------- baas
d = 'baas/zh-CN/DescribeAntChainTransactionV2.md'
r(d, 'RegionId', 'enum', '限制cn-hangzhou', values=['cn-hangzhou'])

# backbonenet/en-US/DeactiveFlowLog.md, ccc/zh-CN/BargeInCall.md: no rule (only Action's fixed value, units, IDs).
skip('ccc/zh-CN/BargeInCall.md', 19, 'TimeoutSeconds', "'单位秒' is a unit, not a rule")

# ---------------------------------------------------------------- dbaudit
d = 'dbaudit/zh-CN/CreateInstance.md'
r(d, 'Parameter.1.Code', 'enum', '设置为**SeriesCode**', values=['SeriesCode'])
r(d, 'Parameter.1.Value', 'enum', '设置为**alpha**', values=['alpha'])
r(d, 'Parameter.2.Code', 'enum', '设置为**NetworkType**', values=['NetworkType'])
r(d, 'Parameter.2.Value', 'enum', '设置为**vpc**', values=['vpc'])
r(d, 'Parameter.3.Code', 'enum', '设置为**PlanCode**', values=['PlanCode'])
r(d, 'Parameter.3.Value', 'enum', '取值：-   **alpha.advance**：企业版支持25个实例的版本。',
  values=['alpha.advance', 'alpha.advanceplus', 'alpha.professional', 'alpha.basic', 'alpha.premium', 'alpha.ultimate'],
  note='the first bullet is glued to 取值：')
r(d, 'Parameter.4.Code', 'enum', '设置为**LogStorage**', values=['LogStorage'])
r(d, 'Parameter.4.Value', 'range', '取值范围：0 TB~20 TB', min=0, max=20, unit='TB',
  note='String-typed parameter holding a number')
r(d, 'Parameter.5.Code', 'enum', '设置为**RegionId**', values=['RegionId'])
r(d, 'Parameter.5.Value', 'enum', '-   **cn-hangzhou**：华东1（杭州）',
  values=['cn-hangzhou', 'cn-shanghai', 'cn-qingdao', 'cn-beijing', 'cn-zhangjiakou', 'cn-huhehaote',
          'cn-shenzhen', 'cn-hongkong', 'cn-chengdu', 'ap-northeast-1', 'ap-southeast-1', 'ap-southeast-2',
          'ap-southeast-3', 'ap-southeast-5', 'ap-south-1', 'eu-central-1', 'us-east-1', 'us-west-1'])
r(d, 'ProductCode', 'enum', '数据库审计产品代码为**dbaudit**', values=['dbaudit'])
r(d, 'SubscriptionType', 'enum', '数据库审计需设置为**Subscription**', values=['Subscription'])
r(d, 'ProductType', 'enum', '数据库审计产品类型为**dbaudit**', values=['dbaudit'])
r(d, 'RenewPeriod', 'required_when', '当设置**RenewalStatus**为**AutoRenewal**时，必须设置。', 'RenewalStatus',
  value='AutoRenewal')
r(d, 'Period', 'range', '按年付费产品请输入12的整数倍', min=None, max=None, step=12,
  doubt='a multiple-of-12 rule conditioned on the product being billed yearly, which is not a request parameter')
r(d, 'Period', 'required_when', '当创建预付费实例时，必须设置。', 'SubscriptionType', value='Subscription',
  doubt="the condition is named as a concept ('创建预付费实例'), not by the parameter; the table already marks Period required")
r(d, 'RenewalStatus', 'enum', '取值：-   **AutoRenewal**：自动续费。', values=['AutoRenewal', 'ManualRenewal'])
r(d, 'RenewalStatus', 'default', '默认**ManualRenewal**。', value='ManualRenewal')
r(d, 'ClientToken', 'unique', '客户端幂等参数')
skip(d, 49, 'RenewPeriod', "'单位为月' is a unit")

d = 'dbaudit/zh-CN/ListTagResources.md'
r(d, 'ResourceType', 'enum', '唯一取值： INSTANCE', values=['INSTANCE'])
r(d, 'ResourceId.N', 'items', 'N表示实例ID的序号，取值范围：1~20。', min=1, max=20)
r(d, 'Tag.N.Key', 'items', 'N表示标签键的序号，取值范围：1~20。', min=1, max=20)
r(d, 'Tag.N.Value', 'items', 'N表示标签值的序号，取值范围：1~20。', min=1, max=20)
skip(d, 33, 'NextToken', "'可以为空' (may be empty) permits, it does not constrain")

# dcdn/zh-CN/DescribeDcdnCertificateList.md, dcdn/zh-CN/DescribeDcdnUserQuota.md: no rule.
skip('dcdn/zh-CN/DescribeDcdnCertificateList.md', 16, 'DomainName',
     "'加速域名' names a domain; domain names are not labelled as a format (not in the format vocabulary)")

# ---------------------------------------------------------------- ddh
d = 'ddh/en-US/AllocateDedicatedHosts.md'
for p in ('Tag.N.Key', 'Tag.N.Value'):
    r(d, p, 'items', 'Valid values of N: 1 to 20.', min=1, max=20)
r(d, 'Tag.N.Key', 'not_empty', 'This parameter cannot be an empty string.')
r(d, 'Tag.N.Key', 'length', 'It can be up to 128 characters in length', min=None, max=128)
r(d, 'Tag.N.Key', 'prefix_forbidden', 'cannot start with acs: or aliyun', values=['acs:', 'aliyun'])
r(d, 'Tag.N.Key', 'forbidden_substrings', 'It cannot contain http:// or https://.', values=['http://', 'https://'])
r(d, 'Tag.N.Key', 'other', 'Tag keys must be unique.', line=185, doubt=ERROR_TABLE_DISTINCT,
  note='the Tag.N.Key values of one request must be distinct (error Duplicate.TagKey)')
r(d, 'Tag.N.Value', 'length', 'It can be up to 128 characters in length', min=None, max=128)
r(d, 'Tag.N.Value', 'prefix_forbidden', 'cannot start with acs:', values=['acs:'])
r(d, 'Tag.N.Value', 'forbidden_substrings', 'contain http:// or https://', values=['http://', 'https://'])
r(d, 'DedicatedHostName', 'length', 'The name must be 2 to 128 characters in length', min=2, max=128)
r(d, 'DedicatedHostName', 'chars',
  r'can contain letters, digits, colons \(:\), underscores \(\_\), and hyphens \(-\)',
  allowed=['letters', 'digits', ':', '_', '-'], first=['letters'], more_sentences=['It must start with a letter'])
r(d, 'DedicatedHostName', 'prefix_forbidden', 'cannot start with http:// or https://', values=['http://', 'https://'])
r(d, 'ActionOnMaintenance', 'enum', 'Valid values:', values=['Migrate', 'Stop'])
skip(d, 39, 'ActionOnMaintenance', 'the defaults (Migrate with cloud disks, Stop with local disks) depend on the host\'s disks, a resource property')
for p in ('NetworkAttributes.SlbUdpTimeout', 'NetworkAttributes.UdpTimeout'):
    r(d, p, 'range', 'Valid values: 15 to 310.', min=15, max=310, unit='seconds')
r(d, 'Description', 'length', 'It must be 2 to 256 characters in length', min=2, max=256)
r(d, 'Description', 'prefix_forbidden', 'cannot start with http:// or https://', values=['http://', 'https://'])
r(d, 'AutoPlacement', 'enum', '-   on: adds the dedicated host to the resource pool for automatic deployment.',
  values=['on', 'off'])
r(d, 'AutoPlacement', 'default', 'Default value: on.', value='on')
r(d, 'CpuOverCommitRatio', 'range', 'Valid values: 1 to 5.', min=1, max=5)
r(d, 'CpuOverCommitRatio', 'applies_when',
  'You can configure CPU overcommit ratios only for the following dedicated host types: g6s, c6s, and r6s.',
  'DedicatedHostType', value=['g6s', 'c6s', 'r6s'],
  doubt="the values are host type families (the example DedicatedHostType is 'ddh.c5'), so the wire values are probably ddh.g6s etc.")
r(d, 'MinQuantity', 'range', 'Valid values: 1 to 100', min=1, max=100)
r(d, 'ChargeType', 'enum', 'Valid values:', values=['PrePaid', 'PostPaid'],
  note="the list has one value bullet (PrePaid) and a bullet 'Default value: PostPaid.'")
r(d, 'ChargeType', 'default', 'Default value: PostPaid.', value='PostPaid')
r(d, 'Quantity', 'range', 'Valid values: 1 to 100.', min=1, max=100,
  note="restated in the Description section (line 11: 'a maximum of 100 ... at a time'); labelled once")
r(d, 'Quantity', 'default', 'Default value : 1.', value=1)
PERIOD = 'The `Period` parameter takes effect and is required only when the `ChargeType` parameter is set to `PrePaid`.'
r(d, 'Period', 'required_when', PERIOD, 'ChargeType', value='PrePaid')
r(d, 'Period', 'applies_when', PERIOD, 'ChargeType', value='PrePaid')
r(d, 'Period', 'range_when',
  '-   If the PeriodUnit parameter is set to Month, valid values of Period are 1, 2, 3, 4, 5, 6, 7, 8, and 9.',
  'PeriodUnit', cases=[{'value': 'Month', 'min': 1, 'max': 9}, {'value': 'Year', 'min': 1, 'max': 5}],
  more_sentences=['-   If the PeriodUnit parameter is set to Year, valid values of Period are 1, 2, 3, 4, and 5.'],
  note='the value lists are contiguous, so they are written as ranges')
r(d, 'PeriodUnit', 'enum', 'Valid values:', values=['Month', 'Year'])
r(d, 'PeriodUnit', 'default', 'Default value: Month.', value='Month')
r(d, 'AutoRenew', 'default', 'Default value: false.', value=False)
r(d, 'AutoRenew', 'applies_when',
  'The **AutoRenew** parameter takes effect only when the **ChargeType** parameter is set to PrePaid.',
  'ChargeType', value='PrePaid')
r(d, 'AutoRenewPeriod', 'enum', 'Valid values: 1, 2, 3, 6, and 12.', values=['1', '2', '3', '6', '12'], unit='months')
ARP = 'The **AutoRenewPeriod** parameter takes effect and is required only when the **AutoRenew** parameter is set to true.'
r(d, 'AutoRenewPeriod', 'required_when', ARP, 'AutoRenew', value=True)
r(d, 'AutoRenewPeriod', 'applies_when', ARP, 'AutoRenew', value=True)
r(d, 'AutoReleaseTime', 'format', 'Specify the time in the ISO 8601 standard in the yyyy-MM-ddTHH:mm:ssZ format.',
  values=['datetime'], pattern='yyyy-MM-ddTHH:mm:ssZ', note='UTC')
skip(d, 90, 'AutoReleaseTime', "'at least half an hour / at most three years later than the current time' is relative to the current time")
r(d, 'ClientToken', 'unique', 'you must make sure that it is unique among different requests')
r(d, 'ClientToken', 'ascii', 'must contain only ASCII characters')
r(d, 'ClientToken', 'length', 'cannot exceed 64 characters in length', min=None, max=64)
skip(d, 34, 'ZoneId', "'empty by default; the system selects a zone' is behaviour, not a default value")

d = 'ddh/en-US/ModifyDedicatedHostClusterAttribute.md'
r(d, 'DedicatedHostClusterName', 'length', 'The name must be 2 to 128 characters in length', min=2, max=128)
r(d, 'DedicatedHostClusterName', 'chars',
  r'can contain letters, digits, periods \(.\), underscores \(\_\), and hyphens \(-\)',
  allowed=['letters', 'digits', '.', '_', '-'], first=['letters'], more_sentences=['It must start with a letter.'])
r(d, 'DedicatedHostClusterName', 'forbidden_substrings', 'It cannot contain `http://` or `https://`.',
  values=['http://', 'https://'])
r(d, 'Description', 'length', 'The description must be 2 to 256 characters in length.', min=2, max=256,
  note='restated in the error table (line 59); labelled once')
r(d, 'Description', 'prefix_forbidden', 'It cannot start with `http://` or `https://`.', values=['http://', 'https://'])

# ---------------------------------------------------------------- dg
d = 'dg/zh-CN/GetUserGateways.md'
r(d, 'PageSize', 'range', '大小不要超过3000', min=None, max=3000)
r(d, 'PageNumber', 'range', '页数，从1开始', min=1, max=None, doubt=START_VALUE)

# ---------------------------------------------------------------- elasticsearch
d = 'elasticsearch-roa/en-US/UpdateDict.md'
r(d, 'clientToken', 'unique', 'you must ensure that it is unique among different requests')
r(d, 'clientToken', 'ascii', 'The token can contain only ASCII characters')
r(d, 'clientToken', 'length', 'cannot exceed 64 characters in length', min=None, max=64)
r(d, 'ossObject', 'required_when', 'Required when sourceType is OSS.', 'sourceType', value='OSS',
  note="body-table row; its Required column says Yes although the text makes it conditional")
r(d, 'sourceType', 'enum',
  r'Optional values: OSS \(OSS Open Storage\) and ORIGIN \(Keep previously uploaded dictionaries\).',
  values=['OSS', 'ORIGIN'])
r(d, 'type', 'enum',
  r'Optional values: MAIN\(IK main segmentation thesaurus\) or STOP\(IK deactivation thesaurus\).',
  values=['MAIN', 'STOP'])
# elasticsearch-roa/zh-CN/ListSnapshotReposByInstanceId.md: no rule.

# ---------------------------------------------------------------- iotedge
# iotedge-roa/zh-CN/DisableScene.md: no rule.
d = 'iotedge-roa/zh-CN/SearchThings.md'
r(d, 'Payload', 'json', 'JSON格式字符串。', min=None, max=None, keys=['Tags'],
  more_sentences=['当前仅支持按标签搜索设备'],
  note="keys from the payload skeleton under the table (line 25-33): {\"Tags\": {key: value, ...}}")
d = 'iotedge/en-US/DeleteEdgeInstance.md'
skip(d, 21, 'IotInstanceId', "'not required for the public instance but required for Enterprise Edition instances' depends on the kind of IoT instance, a resource property")

# ---------------------------------------------------------------- mse
d = 'mse-roa/zh-CN/AttachPolicy.md'
r(d, 'direction', 'enum', '取值如下：', values=['OUTBOUND', 'INBOUND'])
r(d, 'policyName', 'chars', '仅限字母、数字和下划线（\\_）', allowed=['letters', 'digits', '_'], first=['letters'],
  more_sentences=['必须以字母开头'])
r(d, 'policyName', 'length', '最长255个字符', min=None, max=255)
r(d, 'priority', 'range', '可设置为0和正整数', min=0, max=None)
r(d, 'scope', 'enum', '取值如下：', values=['REQUEST', 'RESPONSE', 'BACKEND', 'EXCEPTION'])
d = 'mse/zh-CN/QueryZnodeDetail.md'
r(d, 'RequestPars', 'format', 'JSON格式', values=['json'])

# ---------------------------------------------------------------- mts
d = 'mts/en-US/QueryJobList.md'
r(d, 'JobIds', 'multi_value', 'A maximum of 10 transcoding task IDs can be entered at a time.', separator=',', max=10,
  sentence2=r'separated by commas \(,\)')
d = 'mts/zh-CN/SubmitFpDBDeleteJob.md'
r(d, 'UserData', 'length', '最大长度128个字节', min=None, max=128, unit='bytes')
r(d, 'DelType', 'enum', '支持类型：', values=['Purge', 'Delete'])
r(d, 'DelType', 'default', '默认值：**Purge**。', value='Purge')

# ---------------------------------------------------------------- oss
d = 'oss-roa/en-US/PutBucketTransferAcceleration.md'
r(d, 'Enabled', 'enum', 'Valid values:', values=['true', 'false'], doubt=STRING_BOOL,
  note='the error table (line 75, MalformedXML) confirms that other values are rejected')
d = 'oss-roa/zh-CN/PutBucketTransferAcceleration.md'
r(d, 'Enabled', 'enum', '取值如下：', values=['true', 'false'], doubt=STRING_BOOL,
  note="type cell '字符串' (String); the error table (line 75, MalformedXML) confirms that other values are rejected")

# ---------------------------------------------------------------- ots
d = 'ots/zh-CN/BatchWriteRow.md'
for s, note in [
    ('-   tables 中包含同名的表。', 'the table names in tables must be distinct'),
    ('-   tables 中任一行操作未指定主键', 'every row operation must specify the primary key'),
    ('-   tables 中任一行操作存在与主键列同名的属性列。', 'no attribute column may have the name of a primary-key column'),
    ('-   tables 中任一表中存在主键完全相同的请求。', 'within a table, no two row operations may have the same primary key'),
    ('tables 中所有表总的行操作个数超过 200 个', 'at most 200 row operations over all tables'),
    ('或者其含有的总数据大小超过 4 M', 'at most 4 MB of data over all tables'),
    ('-   tables 中任一表内没有包含行操作', 'every table must contain at least one row operation'),
    ('-   tables 中任一 PutRowInBatchWriteRowRequest 包含的 Column 个数超过 1024 个。', 'at most 1024 columns per put row'),
    ('-   tables 中任一 UpdateRowInBatchWriteRowRequest 包含的 ColumnUpdate 个数超过 1024 个。', 'at most 1024 column updates per update row'),
]:
    r(d, 'tables', 'other', s, doubt=OTS_NESTED, note=note)
skip(d, 21, 'tables', "'任一表不存在' (table does not exist) and the name/size rules that only link to 命名规则/使用限制 are state or 'see X'")

# ---------------------------------------------------------------- rtc
d = 'rtc-roa/zh-CN/DescribeQualityOverallData.md'
UNIX = 'a representation (UNIX seconds), not a constraint: every Long is a valid timestamp'
r(d, 'StartDate', 'format', '使用UNIX时间戳表示，单位：秒', values=['unix_timestamp'], doubt=UNIX)
r(d, 'EndDate', 'format', '使用UNIX时间戳表示，单位：秒', values=['unix_timestamp'], doubt=UNIX)
r(d, 'Types', 'multi_value', '多个用英文逗号（,）分隔', separator=',', max=None)
r(d, 'Types', 'enum', '-   **JOIN\\_CHANNEL\\_SUC\\_RATE**：加入频道成功率。',
  values=['JOIN_CHANNEL_SUC_RATE', 'JOIN_CHANNEL_SUC_FIVE_SEC_RATE', 'AUDIO_SPEAK_OUT_DUR', 'VIDEO_FIRST_PIC_DUR',
          'AUDIO_STUCK_RATE', 'VIDEO_STUCK_RATE', 'AUDIO_DELAY', 'AUDIO_HIGH_QUALITY_TRANSMISSION_RATE',
          'VIDEO_HIGH_QUALITY_TRANSMISSION_RATE'],
  applies_to='each comma-separated value',
  note="10 bullets, 9 distinct values: AUDIO_DELAY is listed twice (the second is described as 视频延时, probably VIDEO_DELAY)")
skip(d, 7, 'StartDate', "'支持查询最近365天' is relative to the current date")

d = 'rtc/zh-CN/UpdateRecordTask.md'
r(d, 'SubSpecUsers.N', 'items', '取值范围：**1～16**', min=1, max=16, note='fullwidth tilde ～')
r(d, 'SubSpecUsers.N', 'other', 'N需要从1开始并从小到大，不能中断，要连续。',
  note='the indices N must start at 1 and be contiguous',
  doubt='a rule on the wire indices, which any list serialiser satisfies')
r(d, 'UserPanes.N.PaneId', 'items', 'N的取值：**1~16**。', min=1, max=16)
r(d, 'UserPanes.N.PaneId', 'range', 'PaneID的取值：**0~15**。', min=0, max=15)
r(d, 'UserPanes.N.UserId', 'items', 'N的取值：**1~16**。', min=1, max=16)
r(d, 'UserPanes.N.SourceType', 'enum', '取值：', values=['camera', 'shareScreen'])
r(d, 'UserPanes.N.SourceType', 'default', '-   **camera**（默认）：视频流。', value='camera')
r(d, 'UserPanes.N.SourceType', 'items', 'N的取值：**1~16**。', min=1, max=16)
r(d, 'UserPanes.N.Images.N.Url', 'format', '图片的HTTP或HTTPS地址。', values=['url'], schemes=['http', 'https'],
  doubt=NOUN_FORMAT)
r(d, 'UserPanes.N.Images.N.Display', 'enum', '取值：', values=['0', '1', '2'])
for p in ('UserPanes.N.Images.N.X', 'UserPanes.N.Images.N.Y', 'UserPanes.N.Images.N.Width',
          'UserPanes.N.Images.N.Height', 'UserPanes.N.Texts.N.X', 'UserPanes.N.Texts.N.Y'):
    r(d, p, 'range', '归一化百分比', min=0, max=1, doubt=NORMALISED)
r(d, 'UserPanes.N.Texts.N.FontType', 'enum', '取值：', values=['0', '1', '2', '3', '4', '5'])
r(d, 'UserPanes.N.Texts.N.FontType', 'default', '-   **0**（默认）：NOTO\\_SERIF\\_CJKSC\\_REGULAR。', value=0)
r(d, 'UserPanes.N.Texts.N.FontSize', 'range', '字体合理范围：**\\(0, 72\\]**。', min=0, max=72,
  min_exclusive=True, max_exclusive=False)
r(d, 'UserPanes.N.Texts.N.FontColor', 'range', 'R（红）、G（绿）、B（蓝）的取值：**0~255**', min=0, max=255,
  applies_to='each of the R, G, B components of the value R+G×256+B×65536',
  doubt='the stated range is for the colour components, not for the value itself (which is then 0..16777215)')
skip(d, 14, 'AppId', "'仅支持传单个ID' (AppId, ChannelId, TaskId): one ID per request; no separator or count is stated, so nothing to label")
skip(d, 41, 'UserPanes.N.Images.N.ZOrder', "'0为最底层' (0 is the bottom layer) describes the scale; no bound is stated")

# ---------------------------------------------------------------- sddp
d = 'sddp/zh-CN/ModifyDataLimit.md'
r(d, 'ResourceType', 'enum', '取值：', values=['1', '2', '5'])
r(d, 'Lang', 'enum', '取值：', values=['zh', 'en'])
r(d, 'ServiceRegionId', 'enum', '取值：',
  values=['cn-beijing', 'cn-zhangjiakou', 'cn-huhehaote', 'cn-hangzhou', 'cn-shanghai', 'cn-shenzhen', 'cn-hongkong'])
r(d, 'AuditStatus', 'enum', '取值：', values=['0', '1'])
r(d, 'LogStoreDay', 'enum', '取值：', values=['30', '90', '180', '365'], unit='days')
r(d, 'LogStoreDay', 'applies_when', '开启审计之后', 'AuditStatus', value=1,
  doubt="the condition is named as a concept ('开启审计', audit enabled), not by the parameter AuditStatus")
r(d, 'EngineType', 'enum', '取值：', values=['MySQL', 'SQLServer'])
r(d, 'Port', 'format', '数据库连接端口', values=['port'], doubt=NOUN_FORMAT)
r(d, 'AutoScan', 'enum', '取值：', values=['0', '1'])

# ---------------------------------------------------------------- sls
d = 'sls-roa/en-US/ListMachines.md'
r(d, 'offset', 'default', 'Default value: 0.', value=0)
r(d, 'size', 'default', 'Default value: 500.', value=500)
d = 'sls-roa/zh-CN/UpdateProject.md'
r(d, 'description', 'default', '默认为空字符串', value='')
d = 'sls/en-US/GetSlsService.md'
r(d, 'SignatureNonce', 'unique', 'You must use different numbers for different requests.',
  doubt='a replay-protection nonce, not an idempotency token')
r(d, 'Timestamp', 'format',
  'Specify the time in the [ISO 8601](http://iso.org/iso-8601-date-and-time-format.html) standard in the yyyy-MM-ddTHH:mm:ssZ format.',
  values=['datetime'], pattern='yyyy-MM-ddTHH:mm:ssZ',
  note='UTC; the request example is URL-encoded (2020-09-15T13%3A01%3A26Z), which decodes to a valid value')
r(d, 'Version', 'format', 'The value must be in the YYYY-MM-DD format.', values=['date'], pattern='YYYY-MM-DD')
r(d, 'Format', 'enum', 'Valid values: JSON and XML.', values=['JSON', 'XML'])
r(d, 'Format', 'default', 'Default value: XML.', value='XML')

# ---------------------------------------------------------------- smc
# smc/en-US/StartReplicationJob.md: no rule (the Ready/Stopped/InError limit is resource state).
skip('smc/en-US/StartReplicationJob.md', 7, 'JobId', 'only tasks in the Ready, Stopped or InError state: resource state')
d = 'smc/en-US/TagResources.md'
r(d, 'ResourceId.N', 'items', 'Valid values of N: 1 to 50.', min=1, max=50,
  note='restated in the error table (NumberExceed.ResourceIds); labelled once')
r(d, 'ResourceId.N', 'other', 'The ResourceId contains duplicate values.', line=77, doubt=ERROR_TABLE_DISTINCT,
  note='the ResourceId.N values of one request must be distinct (error Duplicate.ResourceId)')
r(d, 'ResourceType', 'enum', 'Valid values:', values=['sourceserver', 'replicationjob'])
for p in ('Tag.N.Key', 'Tag.N.Value'):
    r(d, p, 'items', 'Valid values of N: 1 to 20.', min=1, max=20)
    r(d, p, 'not_empty', 'This parameter cannot be an empty string.')
r(d, 'Tag.N.Key', 'length', 'It can be up to 128 characters in length', min=None, max=128)
r(d, 'Tag.N.Key', 'prefix_forbidden', 'cannot start with acs: or aliyun', values=['acs:', 'aliyun'])
r(d, 'Tag.N.Key', 'forbidden_substrings', 'It cannot contain http:// or https://.', values=['http://', 'https://'])
r(d, 'Tag.N.Value', 'length', 'The tag value can be up to 128 characters in length', min=None, max=128)
r(d, 'Tag.N.Value', 'forbidden_substrings', 'cannot contain http:// or https://', values=['http://', 'https://'])
skip(d, 7, 'Tag.N.Key', "'A maximum of 20 tags can be attached to each SMC resource' counts the tags a resource already has: resource state")

# ---------------------------------------------------------------- txc
# txc/zh-CN/AddGtmAccessStrategy.md, txc/zh-CN/DescribeGtmInstanceSystemCname.md: no rule.
skip('txc/zh-CN/AddGtmAccessStrategy.md', 22, 'FailoverAddrPoolId',
     "'若未设置Failover地址池，传值Empty' names a sentinel value for 'no pool'; it does not restrict the value")

# ---------------------------------------------------------------- uis
d = 'uis/zh-CN/CreateUisConnection.md'
r(d, 'UisProtocol', 'enum', '取值：**SSLVPN**/**GRE**/**SDK**。', values=['SSLVPN', 'GRE', 'SDK'])
r(d, 'GreConfig', 'applies_when', '在创建UIS Connection时，Protocol参数的值指定为**GRE**。', 'UisProtocol', value='GRE',
  doubt="the doc writes 'Protocol', not the wire name UisProtocol")
r(d, 'GreConfig', 'json', 'GreConfig参数为结构体数组转成的JSON String', min=None, max=None,
  keys=['LocalIP', 'LocalTunnelIP', 'CustomerIP', 'CustomerTunnelIP', 'CustomerSubnet'],
  contradicted_by_example=docparse.unescape(
      r"\[\{'localIp':'47.95.197.XX','localTunnelIp':'10.0.0.X','customerIp':'39.106.5.XX','customerTunnelIp':'10.0.0.X','customerSubnet':'192.168.X.X/24'\},\{'localIp':'47.94.219.XX','localTunnelIp':'10.0.0.X','customerIp':'39.106.5.XX','customerTunnelIp':'10.0.0.X','customerSubnet':'192.168.X.X/24'\}\]"),
  note="the example uses single quotes (not JSON) and lower-camel keys (localIp, not LocalIP)")
r(d, 'SslConfig', 'applies_when', 'Protocol指定为OpenVPN协议时：', 'UisProtocol', value='OpenVPN',
  doubt="the doc writes 'Protocol' and the value OpenVPN, which is not one of UisProtocol's values (SSLVPN/GRE/SDK)")
r(d, 'SslConfig', 'json', '-   **SSLConfig. Protocol**：SSL-VPN服务端所使用的协议。', min=None, max=None,
  keys=['Protocol', 'Port', 'Cipher'], contradicted_by_example='TCP',
  doubt="the structure is only implied by the dotted field names (SSLConfig.Protocol, .Port, .Cipher); the doc never says JSON and the example is 'TCP'")
SSL_P, SSL_PORT, SSL_C = 'the SSLConfig.Protocol field', 'the SSLConfig.Port field', 'the SSLConfig.Cipher field'
r(d, 'SslConfig', 'enum', '取值：**UDP（默认值） | TCP**。', values=['UDP', 'TCP'], applies_to=SSL_P,
  note='the unescaped pipe inside the bold span adds a cell to the row')
r(d, 'SslConfig', 'default', '**UDP（默认值）', value='UDP', applies_to=SSL_P)
r(d, 'SslConfig', 'default', '默认值为1194', value=1194, applies_to=SSL_PORT)
r(d, 'SslConfig', 'range', '端口范围1025-10000', min=1025, max=10000, applies_to=SSL_PORT)
r(d, 'SslConfig', 'forbidden', '以及避开以下知名端口',
  values=['22', '2222', '22222', '9000', '9001', '9002', '7505', '80', '443', '53', '68', '123', '4510', '4560',
          '500', '4500'], applies_to=SSL_PORT,
  note='the list is a markdown link text with a dummy target (url); 22, 80, 443, 53, 68, 123, 500 and 22222 are outside 1025-10000 anyway')
r(d, 'SslConfig', 'enum', '取值：**AES-128-CBC（默认值） |AES-192-CBC | AES-256-CBC | none**。',
  values=['AES-128-CBC', 'AES-192-CBC', 'AES-256-CBC', 'none'], applies_to=SSL_C)
r(d, 'SslConfig', 'default', '**AES-128-CBC（默认值）', value='AES-128-CBC', applies_to=SSL_C)

# ---------------------------------------------------------------- vod
d = 'vod/zh-CN/UpdateCategory.md'
r(d, 'CateName', 'length', '不能超过64个字节。', min=None, max=64, unit='bytes')
skip(d, 15, 'CateName', "'UTF-8编码' names the encoding; every string is UTF-8, so nothing is restricted")

# ---------------------------------------------------------------- waf
d = 'waf/en-US/DescribeDomainConfigStatus.md'
r(d, 'Region', 'enum', 'Set the value to:', values=['cn', 'cn-hongkong'])
r(d, 'Region', 'default', r'-   **cn**: mainland China \(default\)', value='cn',
  note='the table marks Region required, yet the list names a default')

# ---------------------------------------------------------------- webx
# webx-roa/zh-CN/DeleteAppEnv.md: no rule (the 已释放 state limit is resource state).
d = 'webx-roa/zh-CN/DryRunCreateAppEnv.md'
r(d, 'OptionSettings', 'json', '自定义配置项数据，JSON数组，包含以下字段：', min=None, max=None,
  keys=['path', 'name', 'value'])
r(d, 'ProfileName', 'enum', '可选以下值：', values=['HighAvailability', 'StandAlone'])


if __name__ == '__main__':
    by_style = {st: sum(sample.style(x) == st for x in POPULATION) for st in ('rpc', 'roa')}
    out = {'seed': sample.SEED, 'population': len(POPULATION), 'population_by_style': by_style, 'docs': DOCS,
           'rules': RULES, 'not_labelled': NOT_LABELLED}
    path = os.path.join(HERE, '..', 'wide-rule-labels.json')
    with open(path, 'w', encoding='utf-8') as f:
        json.dump(out, f, ensure_ascii=False, indent=1)
        f.write('\n')
    print(len(RULES), 'rules,', len(NOT_LABELLED), 'not-labelled notes ->', os.path.normpath(path))
