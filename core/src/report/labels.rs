//! Fixed wording of reports in zh / en / ko.

use crate::model::label::Lang;

/// A report phrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum Phrase {
    Indicator,
    Baseline,
    Target,
    Latest,
    Completion,
    TimeShare,
    Pace,
    Status,
    RequiredCagr,
    AnnualIncrement,
    Linear,
    Geometric,
    Assessed,
    NotAssessable,
    OnPace,
    Method,
    Unofficial,
}

/// The phrase in a language.
pub fn phrase(p: Phrase, lang: Lang) -> &'static str {
    use Phrase::*;
    match (p, lang) {
        (Indicator, Lang::Zh) => "指标",
        (Indicator, Lang::En) => "Indicator",
        (Indicator, Lang::Ko) => "지표",
        (Baseline, Lang::Zh) => "基期值",
        (Baseline, Lang::En) => "Baseline",
        (Baseline, Lang::Ko) => "기준값",
        (Target, Lang::Zh) => "目标值",
        (Target, Lang::En) => "Target",
        (Target, Lang::Ko) => "목표값",
        (Latest, Lang::Zh) => "最新值",
        (Latest, Lang::En) => "Latest",
        (Latest, Lang::Ko) => "최신값",
        (Completion, Lang::Zh) => "完成进度",
        (Completion, Lang::En) => "Completion",
        (Completion, Lang::Ko) => "달성률",
        (TimeShare, Lang::Zh) => "时间进度",
        (TimeShare, Lang::En) => "Time share",
        (TimeShare, Lang::Ko) => "시간 경과율",
        (Pace, Lang::Zh) => "进度比",
        (Pace, Lang::En) => "Pace",
        (Pace, Lang::Ko) => "진도비",
        (Status, Lang::Zh) => "评价",
        (Status, Lang::En) => "Status",
        (Status, Lang::Ko) => "평가",
        (RequiredCagr, Lang::Zh) => "所需年均增速",
        (RequiredCagr, Lang::En) => "Required CAGR",
        (RequiredCagr, Lang::Ko) => "필요 연평균 증가율",
        (AnnualIncrement, Lang::Zh) => "年均增量",
        (AnnualIncrement, Lang::En) => "Annual increment",
        (AnnualIncrement, Lang::Ko) => "연평균 증가량",
        (Linear, Lang::Zh) => "线性路径",
        (Linear, Lang::En) => "linear path",
        (Linear, Lang::Ko) => "선형 경로",
        (Geometric, Lang::Zh) => "等比路径",
        (Geometric, Lang::En) => "geometric path",
        (Geometric, Lang::Ko) => "등비 경로",
        (Assessed, Lang::Zh) => "已评估",
        (Assessed, Lang::En) => "assessed",
        (Assessed, Lang::Ko) => "평가됨",
        (NotAssessable, Lang::Zh) => "无法评估",
        (NotAssessable, Lang::En) => "not assessable",
        (NotAssessable, Lang::Ko) => "평가 불가",
        (OnPace, Lang::Zh) => "进度达标",
        (OnPace, Lang::En) => "on pace",
        (OnPace, Lang::Ko) => "진도 충족",
        (Method, Lang::Zh) => "方法",
        (Method, Lang::En) => "Method",
        (Method, Lang::Ko) => "방법",
        (Unofficial, Lang::Zh) => "",
        (Unofficial, Lang::En) => "English labels are unofficial translations.",
        (Unofficial, Lang::Ko) => "한국어 표기는 비공식 번역입니다.",
    }
}
