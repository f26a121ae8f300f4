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

    // 2xx: JsonLogic rules
    JsonLogicUnknownOperation = 200,
    JsonLogicBadArgument = 201,
    JsonLogicTooDeep = 202,
    JsonLogicEvaluationFailed = 203,
    JsonLogicLimitExceeded = 204,

    // 3xx: FHIR Questionnaire and QuestionnaireResponse (docs/fhir.md explains each)
    FhirWrongResourceType = 300,
    FhirElementType = 301,
    FhirMissingElement = 302,
    FhirUnknownItemType = 303,
    FhirUnsupportedItemType = 304,
    FhirDuplicateLinkId = 305,
    FhirInvalidValue = 306,
    FhirGroupWithoutItems = 310,
    FhirDisplayWithItems = 311,
    FhirDisplayWithCode = 312,
    FhirOptionsAndValueSet = 313,
    FhirOptionsNotAllowed = 314,
    FhirDisplayRequiredOrRepeats = 315,
    FhirExistsNeedsBoolean = 316,
    FhirInitialNotAllowed = 317,
    FhirDisplayReadOnly = 318,
    FhirMaxLengthNotAllowed = 319,
    FhirOptionsWithInitial = 320,
    FhirEnableBehaviorMissing = 321,
    FhirMultipleInitial = 322,
    FhirNameNotIdentifier = 323,
    FhirEnableWhenUnknownItem = 330,
    FhirEnableWhenSelf = 331,
    FhirEnableWhenNotAnswerable = 332,
    FhirEnableWhenLaterItem = 333,
    FhirEnableWhenTypeMismatch = 334,
    FhirEnableWhenCycle = 335,
    FhirInitialTypeMismatch = 336,
    FhirOptionTypeMismatch = 337,
    FhirValueSetUnresolved = 338,
    FhirUnknownResource = 339,
    FhirResponseUnknownLinkId = 350,
    FhirResponseRequiredMissing = 351,
    FhirResponseAnswerOnDisabled = 352,
    FhirResponseAnswerType = 353,
    FhirResponseOptionNotAllowed = 354,
    FhirResponseOutOfRange = 355,
    FhirResponseTooLong = 356,
    FhirResponseRepeats = 357,
    FhirResponseItemsOutsideAnswers = 358,
    FhirResponseAnswersOnGroup = 359,
    FhirResponseItemMisplaced = 360,
    FhirResponseQuestionnaireNotFound = 361,

    // 4xx: screening rulesets, engine and clearances (docs/screening.md)
    RulesetUnknownField = 400,
    RulesetMissingField = 401,
    RulesetWrongType = 402,
    RulesetDuplicateId = 403,
    RulesetUnknownLinkId = 404,
    RulesetUnknownTier = 405,
    RulesetUnknownOutcome = 406,
    RulesetUnresolvedReference = 407,
    RulesetSchemaVersion = 408,
    RulesetBadLogic = 409,
    RulesetUnknownRuleId = 410,
    RulesetUnknownScreen = 411,
    RulesetUnknownKind = 412,
    RulesetUnknownMode = 413,
    ScreeningRulesetMissing = 420,
    ClearanceNotAllowed = 421,
    ClearanceUnknownRule = 422,
    ClearanceLapsed = 423,
    ClearanceMalformed = 424,
    ScreeningResultMalformed = 425,
};

} // namespace backscreen
