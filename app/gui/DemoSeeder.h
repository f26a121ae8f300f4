#pragma once

#include "db/ClinicService.h"

#include <filesystem>

namespace backscreen::core {
class Questionnaire;
class ScreeningEngine;
} // namespace backscreen::core

namespace backscreen::app {

class HomeProgramStarter;

/// Fills a new, empty demo database with a few realistic clients so that a newcomer sees the app at work
/// without typing anything: a red-flag client (cauda equina, EMERGENCY), an SIJ client, a lower-crossed
/// client with an initial and two review visits (NPRS and ODI scored at each), and a clear client. Their intake
/// responses are the examples in forms/examples/, each screened with the screening engine and the result stored; the
/// clients whose screening allows it get their generated home program (the lower-crossed client a second version at the
/// last review). Only the demo database is ever seeded: seed() refuses a database that has users already.
class DemoSeeder
{
public:
    /// The demo therapist the demo signs in as. Its password is public on purpose: the demo database holds
    /// no real client and is never the clinic's database.
    static const char* therapistUsername();
    static const char* therapistPassword();

    /// Creates the demo administrator and therapist and the demo clients, as the therapist, and leaves the
    /// therapist signed in. Throws backscreen::Error(AlreadySetUp) when the database has users, and
    /// Error(FileUnreadable) when an example response cannot be read.
    /// `programs` may be null (no programs are then made).
    static void seed(db::ClinicService& service,
                     const std::filesystem::path& examplesDirectory,
                     const core::Questionnaire& intake,
                     const core::ScreeningEngine& engine,
                     const HomeProgramStarter* programs);

    /// Signs in as the demo therapist.
    static void signIn(db::ClinicService& service);
};

} // namespace backscreen::app
