#include "app/gui/IdleLock.h"

#include <QKeyEvent>
#include <QSignalSpy>
#include <QWidget>

#include <gtest/gtest.h>

using backscreen::app::IdleLock;

namespace {

struct ManualClock
{
    QDateTime now = QDateTime(QDate(2026, 11, 24), QTime(9, 0), Qt::UTC);

    IdleLock::Clock function()
    {
        return [this] { return now; };
    }
};

} // namespace

TEST(IdleLock, LocksOnceTheIdleTimeReachesTheTimeout)
{
    ManualClock clock;
    IdleLock lock(std::chrono::minutes(10), nullptr, clock.function());
    QSignalSpy spy(&lock, &IdleLock::lockRequested);
    clock.now = clock.now.addSecs(9 * 60 + 59);
    lock.check();
    EXPECT_EQ(spy.count(), 0);
    clock.now = clock.now.addSecs(1);
    lock.check();
    EXPECT_EQ(spy.count(), 1);
    // Locked: further checks do not ask again until reset() after unlocking.
    clock.now = clock.now.addSecs(3600);
    lock.check();
    EXPECT_EQ(spy.count(), 1);
    lock.reset();
    lock.check();
    EXPECT_EQ(spy.count(), 1);
    clock.now = clock.now.addSecs(600);
    lock.check();
    EXPECT_EQ(spy.count(), 2);
}

TEST(IdleLock, KeyPressesCountAsActivity)
{
    ManualClock clock;
    IdleLock lock(std::chrono::minutes(10), nullptr, clock.function());
    lock.start();
    QSignalSpy spy(&lock, &IdleLock::lockRequested);
    QWidget widget;
    clock.now = clock.now.addSecs(8 * 60);
    QKeyEvent press(QEvent::KeyPress, Qt::Key_A, Qt::NoModifier, QStringLiteral("a"));
    QCoreApplication::sendEvent(&widget, &press);
    clock.now = clock.now.addSecs(8 * 60);
    lock.check();
    EXPECT_EQ(spy.count(), 0);
    clock.now = clock.now.addSecs(2 * 60);
    lock.check();
    EXPECT_EQ(spy.count(), 1);
}

TEST(IdleLock, ZeroMinutesNeverLocks)
{
    ManualClock clock;
    IdleLock lock(std::chrono::minutes(0), nullptr, clock.function());
    QSignalSpy spy(&lock, &IdleLock::lockRequested);
    clock.now = clock.now.addDays(2);
    lock.check();
    EXPECT_EQ(spy.count(), 0);
}
