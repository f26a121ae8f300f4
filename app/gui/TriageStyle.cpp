#include "TriageStyle.h"

namespace backscreen::app {

TriageStyle TriageStyle::forName(const QString& triage)
{
    const QColor white(0xff, 0xff, 0xff);
    const QColor black(0x1a, 0x1a, 0x1a);
    if (triage == QStringLiteral("EMERGENCY")) {
        return {tr("EMERGENCY"),
                tr("Emergency: send to the emergency department now; do not treat."),
                QColor(0xb0, 0x00, 0x20),
                white};
    }
    if (triage == QStringLiteral("URGENT")) {
        return {tr("URGENT"),
                tr("Urgent: same-day medical assessment; no program until cleared."),
                QColor(0xd8, 0x43, 0x15),
                white};
    }
    if (triage == QStringLiteral("SOON")) {
        return {tr("SOON"),
                tr("Soon: refer for medical review within days; no program until cleared."),
                QColor(0xf9, 0xa8, 0x25),
                black};
    }
    if (triage == QStringLiteral("INCOMPLETE")) {
        return {tr("INCOMPLETE"),
                tr("Incomplete: red-flag questions are unanswered; answer them before a program."),
                QColor(0x5c, 0x6b, 0xc0),
                white};
    }
    if (triage == QStringLiteral("MONITOR")) {
        return {tr("MONITOR"),
                tr("Monitor: no referral now; recheck these signs at every visit."),
                QColor(0xc5, 0xe1, 0xa5),
                black};
    }
    if (triage == QStringLiteral("NONE")) {
        return {tr("NO RED FLAGS"),
                tr("No red flags: conservative care and a home program may start."),
                QColor(0x2e, 0x7d, 0x32),
                white};
    }
    return {triage, QString(), QColor(0xe0, 0xe0, 0xe0), black};
}

} // namespace backscreen::app
