#pragma once

#include "db/ClinicService.h"
#include "db/Database.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <string>

namespace backscreen::tests {

/// A fresh, empty Backscreen database for one test: a new SQLite file in a new temp directory, or a new
/// schema in the PostgreSQL server named by BACKSCREEN_TEST_POSTGRES_URL (scripts/test starts one). When
/// that variable is missing or the server cannot be reached the constructor throws, so the PostgreSQL
/// instance of every test fails loudly instead of being skipped. The destructor removes what it made.
class TestDatabase
{
public:
    /// `sqliteBase`: where the SQLite temp directory goes (the system temp directory when empty).
    explicit TestDatabase(db::Backend backend, const std::filesystem::path& sqliteBase = {});
    ~TestDatabase();
    TestDatabase(const TestDatabase&) = delete;
    TestDatabase& operator=(const TestDatabase&) = delete;

    db::Backend backend() const { return m_backend; }

    const db::DatabaseLocation& location() const { return m_location; }

    /// The temp directory of an SQLite database (empty for PostgreSQL).
    const std::filesystem::path& directory() const { return m_directory; }

    /// The URL or path, as `--db` takes it.
    const std::string& url() const { return m_url; }

    std::unique_ptr<db::Database> open(const db::DatabaseOptions& options = {}) const;

    /// The server URL from BACKSCREEN_TEST_POSTGRES_URL; throws when it is not set.
    static std::string postgresServerUrl();

    /// Options for tests: the cheapest Argon2id cost, and `clock` when given.
    static db::ClinicServiceOptions fastOptions();

private:
    db::Backend m_backend;
    std::filesystem::path m_directory;
    std::string m_schema;
    std::string m_url;
    db::DatabaseLocation m_location;
};

/// A fresh temp directory, removed with its content by the destructor.
class TempDirectory
{
public:
    TempDirectory();
    ~TempDirectory();

    const std::filesystem::path& path() const { return m_path; }

private:
    std::filesystem::path m_path;
};

/// "Sqlite" / "PostgreSql", for parameterised test names.
std::string backendTestName(db::Backend backend);

/// The name generator for INSTANTIATE_TEST_SUITE_P over backends.
std::string backendParamName(const testing::TestParamInfo<db::Backend>& param);

/// Both backends, for INSTANTIATE_TEST_SUITE_P.
#define BACKSCREEN_INSTANTIATE_FOR_BOTH_BACKENDS(suite)                                                                \
    INSTANTIATE_TEST_SUITE_P(Backends,                                                                                 \
                             suite,                                                                                    \
                             testing::Values(backscreen::db::Backend::Sqlite, backscreen::db::Backend::PostgreSql),    \
                             backscreen::tests::backendParamName)

} // namespace backscreen::tests
