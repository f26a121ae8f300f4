#pragma once

#include "core/screening/ScreeningResult.h"

#include <QWidget>

class QLabel;
class QTextBrowser;

namespace backscreen::app {

/// The live findings beside the intake: the triage as a coloured band that also says it in words, what the
/// clinician must do (referral urgency, prominent for SOON and above), why a program is blocked, and every
/// finding with its why (the decisive answers), rule id, ruleset and version, and reference. For an
/// INCOMPLETE screen it lists the questions still missing; the pattern screens (SIJ, radicular,
/// lower-crossed) show their values.
class FindingsPanel : public QWidget
{
    Q_OBJECT

public:
    explicit FindingsPanel(QWidget* parent = nullptr);

    void showResult(const core::ScreeningResult& result);

    const core::ScreeningResult& result() const { return m_result; }

    /// The findings as plain text, as shown (for tests and the accessible description).
    QString findingsText() const;

private:
    core::ScreeningResult m_result;
    QLabel* m_triageLabel;
    QLabel* m_urgencyLabel;
    QLabel* m_blockedLabel;
    QTextBrowser* m_findingsTextBrowser;
};

} // namespace backscreen::app
