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

    // 5xx: home program (exercise catalogue, program ruleset, generation, saved programs)
    CatalogueUnknownField = 500,
    CatalogueDuplicateId = 501,
    CatalogueDanglingExerciseId = 502,
    CatalogueMissingIllustration = 503,
    CatalogueUnknownReference = 504,
    CatalogueInvalidField = 505,
    CatalogueUnsupportedSchema = 506,
    ProgramRulesInvalidField = 510,
    ProgramRulesUnknownExercise = 511,
    ProgramRulesDuplicateId = 512,
    ProgramRulesUnknownReference = 513,
    ProgramRulesInvalidLogic = 514,
    ProgramRulesUnsupportedSchema = 515,
    ProgramBlocked = 520,
    ProgramInvalid = 521,
    ProgramEditRejected = 522,
    ProgramRequestInvalid = 523,

    // 7xx: storage (db/)
    DatabaseUnreachable = 700,
    DatabaseNotADatabase = 701,
    DatabaseCorrupt = 702,
    DatabaseReadOnly = 703,
    DatabaseLocked = 704,
    DatabaseFull = 705,
    DatabaseConnectionLost = 706,
    DatabaseTooNew = 707,
    DatabaseMigrationFailed = 708,
    DatabaseQueryFailed = 709,
    DatabaseLocationInvalid = 710,
    RecordStale = 720,
    RecordNotFound = 721,
    RecordInvalid = 722,
    LoginFailed = 730,
    AccountLocked = 731,
    PermissionDenied = 732,
    NotLoggedIn = 733,
    SetupRequired = 734,
    AlreadySetUp = 735,
    PasswordTooWeak = 736,
    UsernameTaken = 737,
    BackupFailed = 740,
    RestoreFailed = 741,

    // 8xx: command line and app
    HandoutWriteFailed = 850,
    HandoutIllustrationUnreadable = 851,
};

} // namespace backscreen
