#pragma once

namespace backscreen {

/// Stable codes for every error and diagnostic Backscreen reports. Values are explicit and are never
/// renumbered or reused; docs/error-codes.md lists them. Each layer owns a range of a hundred:
/// 1xx JSON, 2xx JsonLogic, 3xx FHIR, 4xx screening rules, 5xx home program, 6xx outcome measures,
/// 7xx storage, 8xx command line and app.
enum class ErrorCode
{
    // 1xx: JSON text
    JsonSyntax = 100,
    JsonDuplicateKey = 101,
    JsonTooDeep = 102,
    JsonInvalidUtf8 = 103,
    JsonTypeMismatch = 104,
    FileUnreadable = 110,

    // 6xx: outcome measures (core/outcomes)
    OutcomeMeasuresInvalid = 600,
    OutcomeReferenceUnresolved = 601,
    OutcomeQuestionnaireMismatch = 602,
    OutcomeUnknownInstrument = 603,
    OutcomeWrongQuestionnaire = 604,
    OutcomeUnknownLinkId = 605,
    OutcomeAnswerWrongType = 606,
    OutcomeAnswerOutOfRange = 607,
    OutcomeTooManyActivities = 608,
    OutcomeResponseInvalid = 609,
    OutcomeAnswersInconsistent = 610,
    OutcomeAnswerIgnored = 611,
    OutcomeResponseNotCompleted = 612,
    // 2xx: JsonLogic rules
    JsonLogicUnknownOperation = 200,
    JsonLogicBadArgument = 201,
    JsonLogicTooDeep = 202,
    JsonLogicEvaluationFailed = 203,
    JsonLogicLimitExceeded = 204,
};

} // namespace backscreen
