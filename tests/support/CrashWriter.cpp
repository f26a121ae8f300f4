// The child of the storage crash test (tests/db/CrashTest.cpp): opens the database given as argv[1],
// logs in as argv[2] with the password in BACKSCREEN_PASSWORD and saves records forever, printing one
// line per committed record ("client ID NAME" / "visit ID CLIENT_ID") only after its commit returned. The
// test kills it with SIGKILL at a random point and checks that every printed record survived.
#include "db/ClinicService.h"
#include "db/Database.h"

#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>

int main(int argc, char** argv)
{
    if (argc != 4) {
        std::cerr << "usage: crash_writer DATABASE USERNAME TAG\n";
        return 2;
    }
    using namespace backscreen::db;
    try {
        auto database = Database::open(DatabaseLocation::parse(argv[1]));
        ClinicServiceOptions options;
        options.hashCost = PasswordHashCost::minimal();
        ClinicService service(*database, options);
        const char* password = std::getenv("BACKSCREEN_PASSWORD");
        service.login(argv[2], password ? password : "");
        std::cout << "ready" << std::endl;
        for (long i = 0;; ++i) {
            ClientRecord client;
            client.familyName = std::string(argv[3]) + "-" + std::to_string(i);
            client.givenName = "Crash";
            client.birthDate = "1970-01-01";
            client.notes = std::string(static_cast<std::size_t>(200 + (i * 37) % 3000), 'n');
            auto added = service.addClient(client);
            std::cout << "client " << added.id << " " << added.familyName << std::endl;
            auto visit = service.addVisit({0, added.id, "2026-01-01", "initial", "", "", 0});
            std::cout << "visit " << visit.id << " " << added.id << std::endl;
        }
    } catch (const std::exception& error) {
        std::cerr << "crash_writer: " << error.what() << "\n";
        return 1;
    }
}
