#pragma once

#include <QStringList>

#include <filesystem>
#include <optional>
#include <string>

class QApplication;

namespace backscreen::app {

/// What the command line asked for: `backscreen [--demo] [--db PATH|URL]`.
struct LaunchOptions
{
    bool demo = false;
    std::optional<std::string> database;
    /// Set when the arguments were not understood; the message says why.
    QString error;

    static LaunchOptions parse(const QStringList& arguments);
};

/// Starts the desktop app: opens the database (for --demo the separate demo database, created and seeded
/// when missing, signed in automatically as the demo therapist), otherwise the real database, which asks for
/// the first administrator on first run and then for a login. A real database is never seeded.
class Launcher
{
public:
    static int run(QApplication& application);

    /// $XDG_DATA_HOME/backscreen/demo.sqlite (else ~/.local/share/backscreen/demo.sqlite): never the
    /// clinic's database, whose default is backscreen.sqlite in the same folder.
    static std::filesystem::path demoDatabasePath();
};

} // namespace backscreen::app
