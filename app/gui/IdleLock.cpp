#include "IdleLock.h"

#include <QCoreApplication>
#include <QEvent>

namespace backscreen::app {

IdleLock::IdleLock(std::chrono::minutes timeout, QObject* parent, Clock clock)
    : QObject(parent)
    , m_timeout(timeout)
    , m_clock(clock ? std::move(clock) : Clock([] { return QDateTime::currentDateTimeUtc(); }))
    , m_lastActivity(m_clock())
{
    m_timer.setInterval(std::chrono::seconds(5));
    connect(&m_timer, &QTimer::timeout, this, &IdleLock::check);
}

void IdleLock::setTimeout(std::chrono::minutes timeout)
{
    m_timeout = timeout;
}

void IdleLock::start()
{
    QCoreApplication::instance()->installEventFilter(this);
    m_timer.start();
}

void IdleLock::reset()
{
    m_lastActivity = m_clock();
    m_armed = true;
}

void IdleLock::check()
{
    if (!m_armed || m_timeout.count() <= 0) {
        return;
    }
    const qint64 idleSeconds = m_lastActivity.secsTo(m_clock());
    if (idleSeconds >= std::chrono::duration_cast<std::chrono::seconds>(m_timeout).count()) {
        m_armed = false;
        emit lockRequested();
    }
}

bool IdleLock::eventFilter(QObject* watched, QEvent* event)
{
    switch (event->type()) {
    case QEvent::KeyPress:
    case QEvent::MouseButtonPress:
    case QEvent::MouseMove:
    case QEvent::Wheel:
        if (m_armed) {
            m_lastActivity = m_clock();
        }
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

} // namespace backscreen::app
