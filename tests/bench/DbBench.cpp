// Storage speed on SQLite with a clinic-sized database: 100k clients, 1M visits, 100k questionnaire
// responses and 100k screening results, generated once into a temp file (setup, not measured). Targets:
// client search under 5 ms, loading a client's full history under 10 ms.
#include "db/ClientRepository.h"
#include "db/ClinicService.h"
#include "db/Database.h"
#include "db/HomeProgramRepository.h"
#include "db/OutcomeScoreRepository.h"
#include "db/OverrideRepository.h"
#include "db/Query.h"
#include "db/QuestionnaireResponseRepository.h"
#include "db/ScreeningRepository.h"
#include "db/Transaction.h"
#include "db/VisitRepository.h"

#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

using namespace backscreen::db;

namespace {

const std::vector<std::string> surnames = {
    "Smith",    "Jones",    "Williams",  "Brown",      "Taylor",    "Wilson",    "Johnson",   "White",      "Martin",
    "Anderson", "Thompson", "Nguyen",    "Thomas",     "Walker",    "Harris",    "Lee",       "Ryan",       "Robinson",
    "Kelly",    "King",     "Davis",     "Wright",     "Evans",     "Roberts",   "Green",     "Hall",       "Wood",
    "Jackson",  "Clarke",   "Patel",     "Khan",       "Lewis",     "James",     "Phillips",  "Mason",      "Mitchell",
    "Rose",     "Davies",   "Rodriguez", "Cox",        "Alexander", "Garden",    "Campbell",  "Johnston",   "Moore",
    "Smyth",    "Oneill",   "Doherty",   "Stewart",    "Quinn",     "Murphy",    "Graham",    "Mclaughlin", "Hamilton",
    "Murray",   "Hughes",   "Robertson", "Thomson",    "Scott",     "Macdonald", "Reid",      "Clark",      "Ross",
    "Young",    "Watson",   "Paterson",  "Morrison",   "Muller",    "Schmidt",   "Schneider", "Fischer",    "Weber",
    "Meyer",    "Wagner",   "Becker",    "Schulz",     "Hoffmann",  "Koch",      "Richter",   "Klein",      "Wolf",
    "Schroder", "Neumann",  "Schwarz",   "Zimmermann", "Braun",     "Kruger",    "Hofmann",   "Hartmann",   "Lange",
    "Schmitt",  "Werner",   "Krause",    "Meier",      "Lehmann",   "Schmid",    "Schulze",   "Maier",      "Kohler",
    "Herrmann"};

const std::vector<std::string> givenNames = {"Jane",  "John",  "Amy",   "Tom",   "Olivia", "Noah",  "Mia",
                                             "Liam",  "Ava",   "Lucas", "Emma",  "Leo",    "Chloe", "Jack",
                                             "Grace", "Oscar", "Ruby",  "Henry", "Zoe",    "Max"};

struct Fixture
{
    std::filesystem::path directory;
    std::unique_ptr<Database> database;
    std::unique_ptr<ClinicService> service;

    Fixture()
    {
        std::string pattern = (std::filesystem::temp_directory_path() / "backscreen-bench-XXXXXX").string();
        if (mkdtemp(pattern.data()) == nullptr) {
            std::abort();
        }
        directory = pattern;
        database = Database::open(DatabaseLocation::parse((directory / "bench.sqlite").string()));
        ClinicServiceOptions options;
        options.hashCost = PasswordHashCost::minimal();
        service = std::make_unique<ClinicService>(*database, options);
        service->createFirstAdmin("admin", "Admin", "bench-password");
        generate();
    }

    ~Fixture()
    {
        service.reset();
        database.reset();
        std::filesystem::remove_all(directory);
    }

    void generate()
    {
        Transaction transaction(*database, TransactionKind::Write, "generate");
        Query(*database, "CREATE TEMP TABLE surnames (i INTEGER PRIMARY KEY, name TEXT)").run("generate");
        Query(*database, "CREATE TEMP TABLE given_names (i INTEGER PRIMARY KEY, name TEXT)").run("generate");
        for (std::size_t i = 0; i < surnames.size(); ++i) {
            Query(*database, "INSERT INTO surnames VALUES (?, ?)")
                .bind(static_cast<std::int64_t>(i))
                .bind(surnames[i])
                .run("generate");
        }
        for (std::size_t i = 0; i < givenNames.size(); ++i) {
            Query(*database, "INSERT INTO given_names VALUES (?, ?)")
                .bind(static_cast<std::int64_t>(i))
                .bind(givenNames[i])
                .run("generate");
        }
        // Surnames are spread unevenly (as in life) by mixing two moduli; dates of birth over ~80 years.
        Query(*database,
              "INSERT INTO clients (family_name, given_name, family_key, given_key, birth_date, contact, notes, "
              "archived, version, created_at, created_by, updated_at, updated_by) "
              "WITH RECURSIVE seq(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < 100000) "
              "SELECT s.name, g.name, lower(s.name), lower(g.name), date('1930-01-01', '+' || ((n * 7919) % 29000) "
              "|| ' days'), '0400 000 ' || (n % 1000), 'notes about the client ' || n, n % 50 = 0, 1, "
              "'2026-01-01T00:00:00.000Z', 1, '2026-01-01T00:00:00.000Z', 1 FROM seq "
              "JOIN surnames s ON s.i = ((n * 31) % 97 + (n % 7) * 3) % 100 JOIN given_names g ON g.i = (n * 17) % 20")
            .run("generate clients");
        Query(*database,
              "INSERT INTO visits (client_id, visit_date, kind, notes, created_at, created_by) "
              "WITH RECURSIVE seq(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM seq WHERE n < 999999) "
              "SELECT (n % 100000) + 1, date('2020-01-01', '+' || (n / 100000 * 30 + n % 28) || ' days'), "
              "CASE WHEN n < 100000 THEN 'initial' ELSE 'follow-up' END, 'visit notes ' || n, "
              "'2026-01-01T00:00:00.000Z', 1 FROM seq")
            .run("generate visits");
        const std::string response = "{\"resourceType\":\"QuestionnaireResponse\",\"status\":\"completed\",\"item\":["
                                     + std::string(900, ' ') + "]}";
        Query(*database,
              "INSERT INTO questionnaire_responses (visit_id, questionnaire_canonical, questionnaire_version, "
              "response_json, created_at, created_by) SELECT id, 'https://backscreen.example/intake', '1.0.0', ?, "
              "created_at, 1 FROM visits WHERE kind = 'initial'")
            .bind(response)
            .run("generate responses");
        const std::string result = "{\"triage\":\"routine\",\"findings\":[" + std::string(400, ' ') + "]}";
        Query(*database,
              "INSERT INTO screening_results (visit_id, triage, program_blocked, ruleset_versions, result_json, "
              "answers_json, created_at, created_by) SELECT id, 'routine', 0, '{\"red-flags\":\"1.0.0\"}', ?, "
              "'{}', created_at, 1 FROM visits WHERE kind = 'initial'")
            .bind(result)
            .run("generate screenings");
        transaction.commit();
        Query(*database, "ANALYZE").run("analyze");
    }
};

Fixture& fixture()
{
    static Fixture instance;
    return instance;
}

const std::vector<std::string> prefixes = {"smi", "ngu", "mue", "kl", "jo", "pat", "wag", "ro", "mac", "sch"};

void searchByNamePrefix(benchmark::State& state)
{
    ClientRepository clients(*fixture().database);
    std::size_t i = 0;
    std::size_t found = 0;
    for (auto _ : state) {
        auto result = clients.searchByNamePrefix(prefixes[i++ % prefixes.size()], false, 50);
        found += result.size();
        benchmark::DoNotOptimize(result);
    }
    state.counters["found"] = static_cast<double>(found) / static_cast<double>(state.iterations());
}

BENCHMARK(searchByNamePrefix)->Unit(benchmark::kMillisecond);

void searchByBirthDate(benchmark::State& state)
{
    ClientRepository clients(*fixture().database);
    std::size_t i = 0;
    std::size_t found = 0;
    for (auto _ : state) {
        int day = static_cast<int>(i++ % 28) + 1;
        auto result =
            clients.searchByBirthDate("1975-03-" + std::string(day < 10 ? "0" : "") + std::to_string(day), false, 50);
        found += result.size();
        benchmark::DoNotOptimize(result);
    }
    state.counters["found"] = static_cast<double>(found) / static_cast<double>(state.iterations());
}

BENCHMARK(searchByBirthDate)->Unit(benchmark::kMillisecond);

/// Through the service: login-checked, in a transaction, with its audit row committed (an fsync).
void searchByNamePrefixAudited(benchmark::State& state)
{
    auto& service = *fixture().service;
    std::size_t i = 0;
    for (auto _ : state) {
        auto result = service.searchClientsByName(prefixes[i++ % prefixes.size()], false, 50);
        benchmark::DoNotOptimize(result);
    }
}

BENCHMARK(searchByNamePrefixAudited)->Unit(benchmark::kMillisecond);

/// Everything about one client (10 visits, a response, a screening) read in one transaction.
void loadClientHistory(benchmark::State& state)
{
    Database& database = *fixture().database;
    std::int64_t clientId = 1;
    std::size_t visits = 0;
    for (auto _ : state) {
        Transaction transaction(database, TransactionKind::Read, "history");
        ClientHistory history;
        history.client = *ClientRepository(database).find(clientId);
        history.visits = VisitRepository(database).listForClient(clientId);
        history.responses = QuestionnaireResponseRepository(database).listForClient(clientId);
        history.screenings = ScreeningRepository(database).listForClient(clientId);
        history.overrides = OverrideRepository(database).listForClient(clientId);
        history.programVersions = HomeProgramRepository(database).listForClient(clientId);
        history.outcomeScores = OutcomeScoreRepository(database).listForClient(clientId);
        transaction.commit();
        visits += history.visits.size();
        clientId = (clientId + 7919) % 100000 + 1;
        benchmark::DoNotOptimize(history);
    }
    state.counters["visits"] = static_cast<double>(visits) / static_cast<double>(state.iterations());
}

BENCHMARK(loadClientHistory)->Unit(benchmark::kMillisecond);

/// The same through the service, with its audit row committed.
void loadClientHistoryAudited(benchmark::State& state)
{
    auto& service = *fixture().service;
    std::int64_t clientId = 1;
    for (auto _ : state) {
        auto history = service.clientHistory(clientId);
        clientId = (clientId + 7919) % 100000 + 1;
        benchmark::DoNotOptimize(history);
    }
}

BENCHMARK(loadClientHistoryAudited)->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
