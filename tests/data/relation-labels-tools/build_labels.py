#!/usr/bin/env python3
import os
HERE = os.path.dirname(os.path.abspath(__file__))
"""Hand-written relation labels for the 60 sampled rows (see FORMAT.md). Writes relation-labels.json."""
import json
S = json.load(open(os.path.join(HERE, 'sample.json')))
R, X = [], []

def r(doc, line, param, kind, sentence, other, **kw):
    d = {'doc': doc, 'line': line, 'param': param, 'kind': kind, 'other': other}
    if kind in ('required_when', 'applies_when'):
        d.setdefault('value', None); d.setdefault('negated', False); d.setdefault('also', [])
    if kind == 'ordered':
        d.setdefault('max_span_secs', None)
    doubt = kw.pop('doubt', None)
    d.update(kw)
    d['sentence'] = sentence
    if doubt:
        d['doubtful'] = doubt
    R.append(d)

def x(doc, line, param, reason):
    X.append({'doc': doc, 'line': line, 'param': param, 'reason': reason})

INTENT = "conditioned on user intent ('if you want to scale by capacity'); read as 'this requires the weight param', but it may only mean the pair is needed for capacity-based scaling"
RECUR_ZH_DOUBT = "'修改后…需要同时有效' ('must be valid together after modification') may describe the resulting task, not a rule that all three must be passed in the request"

# 0
d = 'ess/zh-CN/CreateScalingGroup.md'
r(d, 194, 'CompensateWithOnDemand', 'applies_when', '当MultiAZPolicy取值为COST\\_OPTIMIZED时', 'MultiAZPolicy', value='COST_OPTIMIZED')
# 1
x('cms/en-US/PutLogMonitor.md', 57, 'Tumblingwindows', "'Unit: seconds' is a unit label, not a mention of the Unit parameter")
# 2
d = 'ess/en-US/ModifyScalingGroup.md'
r(d, 85, 'LaunchTemplateOverride.N.WeightedCapacity', 'requires',
  'you must specify both LaunchTemplateOverride.N.WeightedCapacity after LaunchTemplateOverride.N.InstanceType is specified',
  'LaunchTemplateOverride.N.InstanceType', more_sentences=['The N value must be the same.'],
  note='paired element-wise: same N index in both lists')
x(d, 85, 'LaunchTemplateOverride.N.WeightedCapacity', "MaxSize note: group capacity cannot exceed MaxSize + max weight - a limit on runtime capacity, not on request values")
# 3
d = 'smartag/zh-CN/ModifySagWan.md'
r(d, 20, 'IPType', 'required_when', '此种方式需要为WAN口配置静态IP地址、地址掩码及网关IP地址。', ['IP', 'Mask', 'Gateway'],
  subject='other', value='STATIC',
  doubt="the other params are named by their descriptions ('静态IP地址、地址掩码及网关IP地址'), not by wire name")
r(d, 20, 'IPType', 'required_when', '此种方式需要输入运营商提供的PPPOE账号和密码。', ['Username', 'Password'],
  subject='other', value='PPPOE',
  doubt="the other params are named by their descriptions ('PPPOE账号和密码'), not by wire name")
# 4
x('cms/en-US/CreateMetricRuleTemplate.md', 67, 'AlertTemplates.N.Escalations.Critical.ComparisonOperator', "only mentions its own full name; 'ComparisonOperator' matched the other levels' last segment")
# 5
d = 'ess/en-US/CreateScalingGroup.md'
r(d, 52, 'MinSize', 'ordered', 'The value of MinSize must be less than or equal to that of MaxSize.', 'MaxSize', op='<=')
# 6
d = 'ess/zh-CN/ModifyScalingConfiguration.md'
r(d, 181, 'SecurityGroupIds.N', 'mutually_exclusive', '不支持同时指定SecurityGroupId和SecurityGroupIds.N。', 'SecurityGroupId')
# 7
d = 'ess/en-US/CreateScalingGroup.md'
r(d, 134, 'LifecycleHook.N.NotificationMetadata', 'applies_when',
  'The NotificationMetadata parameter is valid only after you specify the NotificationArn parameter.',
  'LifecycleHook.N.NotificationArn', note='same N (same lifecycle hook)')
# 8
d = 'ess/en-US/CreateScalingConfiguration.md'
r(d, 136, 'DataDisk.N.DeleteWithInstance', 'applies_when',
  'This parameter is valid only for independently created disks whose DataDisk.N.Category parameter is set to cloud, cloud\\_efficiency, cloud\\_ssd, or cloud\\_essd.',
  'DataDisk.N.Category', value=['cloud', 'cloud_efficiency', 'cloud_ssd', 'cloud_essd'],
  more_sentences=['An error is returned if you set this parameter for other disks.'],
  note='value is a list = any of; an error is returned otherwise (forbidden, not just ignored); same N')
# 9
d = 'cms/en-US/DescribeContactList.md'
r(d, 20, 'ChanelValue', 'other',
  'If you set the ChanelType parameter to Email, set the value of the ChanelValue parameter to an email address',
  'ChanelType', value='Email', note='conditional format: must be an email address when ChanelType=Email',
  doubt='could also be read as required_when ChanelType=Email (the zh twin says 当ChanelType设置为Email时，需要设置该参数)')
# 10
x('ess/zh-CN/CreateScalingGroup.md', 52, 'AlbServerGroup.N.Port', "'Port' is its own last segment; the note is behaviour (same N, different Port -> several associations)")
# 11
d = 'ess/zh-CN/CreateScalingConfiguration.md'
r(d, 34, 'InstanceTypeOverride.N.InstanceType', 'requires',
  '当您需要指定伸缩配置中实例规格的容量时，请同时指定本参数和InstanceTypeOverride.N.WeightedCapacity。',
  'InstanceTypeOverride.N.WeightedCapacity', doubt=INTENT)
r(d, 34, 'InstanceTypeOverride.N.InstanceType', 'mutually_exclusive', '指定本参数时，不允许同时指定instanceTypes。',
  'InstanceTypes.N', note="the doc writes 'instanceTypes' (lower-case i, no .N); a case-sensitive matcher misses it")
# 12
d = 'ess/zh-CN/ModifyScalingConfiguration.md'
r(d, 43, 'DataDisk.N.DeleteWithInstance', 'applies_when',
  '该参数只可对独立云盘设置（DataDisk.N.Category为cloud、cloud\\_efficiency、cloud\\_ssd或cloud\\_essd），否则会出现报错。',
  'DataDisk.N.Category', value=['cloud', 'cloud_efficiency', 'cloud_ssd', 'cloud_essd'],
  note='value is a list = any of; an error is returned otherwise; same N')
# 13
d = 'ess/zh-CN/CreateScalingGroup.md'
r(d, 103, 'RemovalPolicy.2', 'equal_to', '不允许与RemovalPolicy.1取值相同', 'RemovalPolicy.1', negated=True,
  note='must NOT equal RemovalPolicy.1')
r(d, 103, 'RemovalPolicy.2', 'other', '仅当RemovalPolicy.1和RemovalPolicy.2均未设置取值时，RemovalPolicy.2有默认值，默认为OldestInstance。',
  'RemovalPolicy.1', note='conditional default: OldestInstance only when RemovalPolicy.1 is also unset',
  doubt='a conditional default, not a validity constraint')
x(d, 103, 'RemovalPolicy.2', "MultiAZPolicy note: behaviour ('移出ECS实例还受…MultiAZPolicy影响')")
# 14
d = 'ess/zh-CN/CreateScalingConfiguration.md'
r(d, 31, 'InstanceTypes.N', 'applies_when', '如果使用了InstanceTypes.N，InstanceType将被忽略', 'InstanceType',
  subject='other', value=None, negated=True, note='other (InstanceType) is ignored when this is set')
# 15
x('ess/zh-CN/ModifyScalingConfiguration.md', 125, 'InternetChargeType', 'behaviour: explains what InternetMaxBandwidthOut means under each billing method')
# 16
d = 'ess/en-US/ModifyScheduledTasksk.md'
r(d, 46, 'RecurrenceEndTime', 'requires', 'After modification, RecurrenceType, RecurrenceValue and RecurrenceEndTime must be set simultaneously.',
  ['RecurrenceType', 'RecurrenceValue'], note='all-or-none group of three')
x(d, 46, 'RecurrenceEndTime', "'90 days after creation or modification' is relative to the current time, not to a request parameter")
# 17 / 36 RecurrenceValue zh (Create / Modify)
def recur_value(d, line, tail, tail_doubt):
    r(d, line, 'RecurrenceValue', 'range_when', '**RecurrenceType**取**Daily**时，只能填一个值，取值范围：1~31。', 'RecurrenceType',
      cases=[{'value': 'Daily', 'min': 1, 'max': 31}, {'value': 'Monthly', 'min': 1, 'max': 31}],
      more_sentences=['**RecurrenceType**取**Monthly**时，格式为A-B。A、B的取值范围为1~31，并且B必须大于等于A。'],
      note="Monthly bounds apply to A and B of 'A-B' (B>=A); Weekly 0..6 is only implied by the example mapping and is not a case")
    r(d, line, 'RecurrenceValue', 'other', '**RecurrenceType**取**Weekly**时，可以填入多个值，填多个值时使用英文逗号（,）分隔。', 'RecurrenceType',
      more_sentences=['**RecurrenceType**取**Cron**时，表示UTC时间，支持分、时、日、月、星期的5域表达式'],
      note="format depends on RecurrenceType: Daily single value; Weekly comma-separated list; Monthly 'A-B'; Cron 5-field cron expression")
    kw = {'doubt': tail_doubt} if tail_doubt else {}
    r(d, line, 'RecurrenceValue', 'requires', tail, ['RecurrenceType', 'RecurrenceEndTime'], note='all-or-none group of three', **kw)
recur_value('ess/zh-CN/CreateScheduledTask.md', 53, '您需要同时指定**RecurrenceType**、**RecurrenceValue**和**RecurrenceEndTime**。', None)
# 18
d = 'ess/zh-CN/CreateScalingConfiguration.md'
r(d, 76, 'SystemDisk.Category', 'other', 'InstanceType为系列I的实例规格且实例属于非I/O优化实例时，默认值：cloud。', ['InstanceType', 'IoOptimized'],
  more_sentences=['否则，默认值：cloud\\_efficiency。'],
  note='conditional default: cloud when InstanceType is a series-I type and the instance is not I/O optimized, else cloud_efficiency',
  doubt='conditional default; condition is a class of InstanceType values; IoOptimized is only named as a concept (非I/O优化)')
# 19
x('cms/zh-CN/DescribeAlertLogCount.md', 39, 'SendStatus', 'describes what status 0 means together with Level values (semantics), no constraint')
# 20
d = 'ess/en-US/CreateScalingConfiguration.md'
r(d, 200, 'SpotPriceLimit.N.PriceLimit', 'applies_when', 'This parameter is valid only when the SpotStrategy parameter is set to SpotWithPriceLimit.',
  'SpotStrategy', value='SpotWithPriceLimit')
# 21
d = 'ess/zh-CN/ModifyScalingConfiguration.md'
r(d, 193, 'DedicatedHostId', 'applies_when', '指定DedicatedHostId参数后，会自动忽略请求中的SpotStrategy和SpotPriceLimit设置。',
  ['SpotStrategy', 'SpotPriceLimit.N.InstanceType', 'SpotPriceLimit.N.PriceLimit'], subject='other', value=None, negated=True,
  note="others are ignored when this is set; 'SpotPriceLimit' names the SpotPriceLimit.N.* group")
# 22
x('cbwp/en-US/CreateCommonBandwidthPackage.md', 21, 'RegionId', "'Bandwidth' is part of the product name 'Internet Shared Bandwidth'")
# 23
d = 'ess/zh-CN/ModifyScheduledTask.md'
r(d, 55, 'RecurrenceEndTime', 'requires', '修改后，**RecurrenceType**、**RecurrenceValue**和**RecurrenceEndTime**需要同时有效。',
  ['RecurrenceType', 'RecurrenceValue'], note='all-or-none group of three', doubt=RECUR_ZH_DOUBT)
x(d, 55, 'RecurrenceEndTime', "'不能填写自修改当天起365日后的时间' is relative to the current date, not to a request parameter")
# 24
r('cms/zh-CN/ListAlarm.md', 16, 'Dimension', 'requires', '应用该字段时必须指定Namespace。', 'Namespace')
# 25
r('cms/en-US/DescribeMetricList.md', 23, 'StartTime', 'ordered', 'StartTime must be earlier than EndTime.', 'EndTime', op='<')
# 26
d = 'ess/zh-CN/CreateScalingGroup.md'
r(d, 115, 'VSwitchIds.N', 'applies_when', '如果您使用了VSwitchIds.N参数，VSwitchId参数将被忽略。', 'VSwitchId',
  subject='other', value=None, negated=True, note='other (VSwitchId) is ignored when this is set')
x(d, 115, 'VSwitchIds.N', 'network type defaults to classic when neither VSwitchId nor VSwitchIds.N is set: behaviour; same-VPC rule is a resource property')
# 27
r('ess/zh-CN/CreateScalingConfiguration.md', 16, 'ImageName', 'applies_when', '如果设置了ImageId， ImageName将被忽略。', 'ImageId', value=None, negated=True)
# 28
r('ess/zh-CN/ModifyScalingConfiguration.md', 73, 'SpotPriceLimit.N.PriceLimit', 'applies_when', 'SpotStrategy取值为SpotWithPriceLimit时生效。',
  'SpotStrategy', value='SpotWithPriceLimit')
# 29
x('ess/en-US/CreateAlarm.md', 109, 'MetricName', "'the Description section of this topic' is a reference to a doc section, not to the Description parameter")
# 30
d = 'ess/en-US/CreateScalingGroup.md'
r(d, 89, 'VSwitchIds.N', 'applies_when', 'If you use the VSwitchIds.N parameter, the VSwitchId parameter is ignored.', 'VSwitchId',
  subject='other', value=None, negated=True, note='other (VSwitchId) is ignored when this is set')
x(d, 89, 'VSwitchIds.N', 'network type (VPC / classic) behaviour; same-VPC rule is a resource property')
# 31
r('ess/en-US/ModifyScheduledTasksk.md', 30, 'RecurrenceType', 'requires',
  'After modification, RecurrenceType, RecurrenceValue and RecurrenceEndTime must be set simultaneously.',
  ['RecurrenceValue', 'RecurrenceEndTime'], note='all-or-none group of three')
# 32
r('ess/en-US/CreateScalingRule.md', 39, 'MinAdjustmentMagnitude', 'applies_when',
  'This parameter takes effect only when ScalingRuleType is set to SimpleScalingRule or StepScalingRule and AdjustmentType is set to PercentChangeInCapacity.',
  'ScalingRuleType', value=['SimpleScalingRule', 'StepScalingRule'],
  also=[{'param': 'AdjustmentType', 'value': 'PercentChangeInCapacity', 'negated': False}])
# 33
d = 'ess/en-US/CreateScalingConfiguration.md'
r(d, 31, 'InstanceTypes.N', 'applies_when', 'If you specify this parameter, InstanceType is ignored.', 'InstanceType',
  subject='other', value=None, negated=True, note='other (InstanceType) is ignored when this is set')
# 34
r('cms/en-US/CreateMonitorGroupByResourceGroupId.md', 29, 'ResourceGroupName', 'at_least_one_of',
  'Set at least one of the ResourceGroupId and ResourceGroupName parameters.', ['ResourceGroupId', 'ResourceGroupName'])
# 35 / 57 zh LaunchTemplateOverride.N.InstanceType
for d in ('ess/zh-CN/EnableScalingGroup.md', 'ess/zh-CN/ModifyScalingGroup.md'):
    line = 46 if 'Enable' in d else 78
    r(d, line, 'LaunchTemplateOverride.N.InstanceType', 'requires',
      '当您需要伸缩组按照实例规格容量进行伸缩时，请同时指定本参数和LaunchTemplateOverride.N.WeightedCapacity。',
      'LaunchTemplateOverride.N.WeightedCapacity', doubt=INTENT)
    r(d, line, 'LaunchTemplateOverride.N.InstanceType', 'applies_when', '仅当LaunchTemplateId参数指定了启动模板时，本参数生效。',
      'LaunchTemplateId', value=None)
# 36
recur_value('ess/zh-CN/ModifyScheduledTask.md', 45, '修改后，**RecurrenceType**、**RecurrenceValue**和**RecurrenceEndTime**需要同时有效。', RECUR_ZH_DOUBT)
# 37
d = 'ess/en-US/ModifyScalingGroup.md'
r(d, 78, 'LaunchTemplateOverride.N.InstanceType', 'requires',
  'you must specify both the LaunchTemplateOverride.N.InstanceType and LaunchTemplateOverride.N.WeightedCapacity parameters at the same time.',
  'LaunchTemplateOverride.N.WeightedCapacity', doubt=INTENT)
r(d, 78, 'LaunchTemplateOverride.N.InstanceType', 'applies_when', 'This parameter takes effect only when the LaunchTemplateId parameter is specified.',
  'LaunchTemplateId', value=None)
# 38
r('ess/en-US/ModifyScalingConfiguration.md', 85, 'ImageName', 'applies_when', 'This parameter is ignored if ImageId is specified.',
  'ImageId', value=None, negated=True)
# 39
x('ess/en-US/ModifyScalingGroup.md', 66, 'OnDemandPercentageAboveBaseCapacity',
  'takes effect after the number of pay-as-you-go instances reaches OnDemandBaseCapacity: runtime state, not a request-value condition')
# 40
d = 'ess/en-US/ModifyScheduledTask.md'
r(d, 61, 'ScalingGroupId', 'at_least_one_of', 'You must specify at least one of the MinValue, MaxValue, and DesiredCapacity parameters.',
  ['MinValue', 'MaxValue', 'DesiredCapacity'], subject='other',
  when={'param': 'ScalingGroupId', 'value': None, 'negated': False},
  more_sentences=['After the ScalingGroupId parameter is specified'],
  note='conditional group: applies when ScalingGroupId is set; this param is not a group member')
r(d, 61, 'ScalingGroupId', 'mutually_exclusive', 'You cannot set ScheduledAction and ScalingGroupId at the same time.', 'ScheduledAction')
# 41
r('cms/en-US/AddTags.md', 17, 'Tag.N.Key', 'requires', 'The `Tag.N.Key` and `Tag.N.Value` parameters must be used in pairs.',
  'Tag.N.Value', note='pairwise, same N')
# 42
r('ess/zh-CN/ModifyScalingConfiguration.md', 85, 'ImageName', 'applies_when', '如果设置了ImageId， ImageName将被忽略。', 'ImageId', value=None, negated=True)
# 43
r('cms/zh-CN/DescribeMetricRuleTemplateAttribute.md', 15, 'TemplateId', 'at_least_one_of', 'Name和TemplateId必须设置一个。',
  ['Name', 'TemplateId'], doubt="'必须设置一个' may mean exactly one (i.e. also mutually exclusive)")
# 44
d = 'ess/en-US/CreateScalingRule.md'
s44 = 'This parameter is required and takes effect only when ScalingRuleType is set to TargetTrackingScalingRule or PredictiveScalingRule.'
r(d, 65, 'MetricName', 'required_when', s44, 'ScalingRuleType', value=['TargetTrackingScalingRule', 'PredictiveScalingRule'])
r(d, 65, 'MetricName', 'applies_when', s44, 'ScalingRuleType', value=['TargetTrackingScalingRule', 'PredictiveScalingRule'])
r(d, 65, 'MetricName', 'other', 'Valid values for target tracking scaling rules:', 'ScalingRuleType',
  more_sentences=['Valid values for predictive scaling rules:'],
  note='enum depends on ScalingRuleType: TargetTrackingScalingRule -> 7 metrics; PredictiveScalingRule -> CpuUtilization, IntranetRx, IntranetTx',
  doubt='ScalingRuleType is named only by its values as prose (target tracking / predictive scaling rules)')
# 45
x('ess/zh-CN/CreateScalingRule.md', 101, 'PredictiveValueBehavior', 'behaviour: describes how PredictiveValueBuffer is used by one value')
# 46
x('ess/en-US/CreateScalingConfiguration.md', 235, 'Tenancy', 'behaviour: a host is chosen automatically if DedicatedHostId is not set')
# 47
x('ess/zh-CN/ExecuteScalingRule.md', 31, 'ScalingRuleAri',
  'BreachThreshold and MetricValue are required when the rule is a step rule: the condition is a property of the referenced scaling rule, not a request parameter')
# 48
r('cms/zh-CN/DescribeContactList.md', 20, 'ChanelValue', 'required_when', '当ChanelType设置为Email时，需要设置该参数。', 'ChanelType', value='Email')
# 49
x('cms/en-US/CreateMetricRuleTemplate.md', 99, 'AlertTemplates.N.Escalations.Info.ComparisonOperator', "only mentions its own full name; 'ComparisonOperator' matched the other levels' last segment")
# 50
x('cms/zh-CN/PutEventRuleTargets.md', 40, 'FcParameters.N.Region', "'Region' is used as a plain noun")
# 51
x('ess/zh-CN/ModifyScalingRule.md', 63, 'PredictiveValueBehavior', 'behaviour: describes how PredictiveValueBuffer is used by one value')
# 52
x('ess/en-US/CreateScalingGroup.md', 98, 'MultiAZPolicy',
  'behaviour/reference to VSwitchIds.N and CompensateWithOnDemand; COST_OPTIMIZED validity depends on the scaling configuration (resource property)')
# 53
x('smartag/en-US/ModifySagManagementPort.md', 18, 'Mask', "'IP address' is a plain noun")
# 54
r('ess/en-US/CreateScalingConfiguration.md', 25, 'Memory', 'applies_when',
  'This instance type range is valid only when cost optimization is enabled and the scaling configuration does not have a specified instance type.',
  ['InstanceType', 'InstanceTypes.N'], value=None, negated=True,
  note='also conditioned on cost optimization (MultiAZPolicy of the scaling group, not a request param here); applies to the Cpu+Memory range',
  doubt='instance type params are named only as a concept; half of the condition is a resource property')
# 55
d = 'ess/en-US/ModifyScalingRule.md'
r(d, 19, 'MinAdjustmentMagnitude', 'applies_when',
  'This parameter takes effect only when ScalingRuleType is set to SimpleScalingRule or StepScalingRule and AdjustmentType is set to PercentChangeInCapacity.',
  'AdjustmentType', value='PercentChangeInCapacity',
  note='ScalingRuleType is not a request parameter of ModifyScalingRule (rule property); that half of the condition is excluded')
x(d, 19, 'MinAdjustmentMagnitude', 'ScalingRuleType condition: property of the existing rule, not a request parameter of this doc')
# 56
r('ess/zh-CN/CreateScalingConfiguration.md', 211, 'SecurityGroupIds.N', 'mutually_exclusive', '不支持同时指定SecurityGroupId和SecurityGroupIds.N。', 'SecurityGroupId')
# 58
x('ess/en-US/CreateScalingConfiguration.md', 63, 'InternetChargeType',
  'behaviour: explains InternetMaxBandwidthOut under each billing method; the default depends on network type, not a request param')
# 59
r('ess/en-US/ModifyScalingConfiguration.md', 204, 'PrivatePoolOptions.MatchCriteria', 'required_when',
  'If this parameter is set to Target, the PrivatePoolOptions.Id parameter must be specified.', 'PrivatePoolOptions.Id',
  subject='other', value='Target', note='other (PrivatePoolOptions.Id) is required when this = Target')

rows = [{'doc': c['doc'], 'line': c['line'], 'param': c['param']} for c in S['sample']]
keys = {(a['doc'], a['line']) for a in rows}
for q in R + X:
    assert (q['doc'], q['line']) in keys, q
json.dump({'seed': S['seed'], 'population': S['population'], 'rows': rows, 'rules': R, 'excluded': X},
          open(os.path.join(HERE, '..', 'relation-labels.json'), 'w'), ensure_ascii=False, indent=1)
print(len(R), 'rules', len(X), 'excluded')
