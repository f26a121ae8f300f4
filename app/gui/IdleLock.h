#pragma once

#include <QDateTime>
#include <QObject>
#include <QTimer>

#include <chrono>
#include <functional>

namespace backscreen::app {

/// Locks the app after a stretch without keyboard or mouse input. It watches every input event of the
/// application and checks, every few seconds, whether the last one is older than the timeout; then it emits
/// lockRequested() once, until activity resumes after unlocking (reset()). The clock is a seam: tests give a
/// clock they move by hand and call check() themselves.
class IdleLock : public QObject
{
    Q_OBJECT

public:
    using Clock = std::function<QDateTime()>;

    /// `timeout` of zero or less never locks.
    explicit IdleLock(std::chrono::minutes timeout, QObject* parent = nullptr, Clock clock = {});

    std::chrono::minutes timeout() const { return m_timeout; }

    void setTimeout(std::chrono::minutes timeout);

    /// Starts watching: installs the application event filter and the periodic check.
    void start();

    /// Counts now as activity and re-arms the lock (after unlocking).
    void reset();

    /// Emits lockRequested() when the idle time has reached the timeout and the lock is armed.
    void check();

    bool eventFilter(QObject* watched, QEvent* event) override;

signals:
    void lockRequested();

private:
    std::chrono::minutes m_timeout;
    Clock m_clock;
    QDateTime m_lastActivity;
    QTimer m_timer;
    bool m_armed = true;
};

} // namespace backscreen::app
