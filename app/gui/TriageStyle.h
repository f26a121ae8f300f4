#pragma once

#include <QColor>
#include <QCoreApplication>
#include <QString>

namespace backscreen::app {

/// How a triage value looks wherever it is shown: a colour AND a word, never the colour alone, and a
/// sentence saying what the clinician does.
struct TriageStyle
{
    Q_DECLARE_TR_FUNCTIONS(TriageStyle)

public:
    QString label;
    QString description;
    QColor background;
    QColor foreground;

    /// For "NONE", "MONITOR", "INCOMPLETE", "SOON", "URGENT", "EMERGENCY"; other text is shown as given, grey.
    static TriageStyle forName(const QString& triage);
};

} // namespace backscreen::app
