#include "db/Database.h"
#include "db/Query.h"
#include "db/Transaction.h"

#include <gtest/gtest.h>

#include <cstdlib>

using namespace backscreen::db;

TEST(Smoke, OpensBoth)
{
    std::filesystem::remove("/tmp/smoke.sqlite");
    for (std::string url : {std::string("/tmp/smoke.sqlite"), std::string(std::getenv("BACKSCREEN_TEST_POSTGRES_URL")) + "&schema=smoke"}) {
        auto db = Database::open(DatabaseLocation::parse(url));
        EXPECT_EQ(db->schemaVersion(), 1);
        Transaction tx(*db, TransactionKind::Write, "x");
        Query q(*db, "INSERT INTO users (username, display_name, role, password_hash, created_at) VALUES (?, ?, ?, ?, ?) RETURNING id");
        q.bind("u").bind("U").bind("admin").bind("h").bind("now").run("add");
        EXPECT_EQ(q.rowCount(), 1u);
        EXPECT_EQ(q.integer(0, 0), 1);
        tx.commit();
        Query r(*db, "SELECT id, username, locked_until FROM users WHERE username = ?");
        r.bind("u").run("get");
        EXPECT_EQ(r.text(0, 1), "u");
        EXPECT_FALSE(r.optionalInteger(0, 2));
    }
}
