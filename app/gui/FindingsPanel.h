#pragma once

#include "core/screening/ScreeningResult.h"

#include <QWidget>

class QLabel;
class QTextBrowser;
class QVBoxLayout;

namespace backscreen::app {

/// The live findings beside the intake: the triage as a coloured band that also says it in words, what the
/// clinician must do (referral urgency, prominent for SOON and above), why a program is blocked, and every
/// finding with its why (the decisive answers), rule id, ruleset and version, and reference. For an
/// INCOMPLETE screen it lists the questions still missing; the pattern screens (SIJ, radicular,
/// lower-crossed) show their values. Each fired SOON/URGENT red flag that is not cleared offers "Record
/// clearance…" (an EMERGENCY one says it cannot be cleared, and why); each clearance applied to the screening
/// is listed as active ("cleared by WHO on DATE") or lapsed with the inputs that changed.
class FindingsPanel : public QWidget
{
    Q_OBJECT

public:
    explicit FindingsPanel(QWidget* parent = nullptr);

    void showResult(const core::ScreeningResult& result);

    const core::ScreeningResult& result() const { return m_result; }

    /// The findings as plain text, as shown (for tests and the accessible description).
    QString findingsText() const;

    /// Whether the "Record clearance…" buttons may be pressed (not for viewers); `why` is their tooltip when
    /// they may not.
    void setClearanceAllowed(bool allowed, const QString& why = {});

signals:
    /// "Record clearance…" was pressed for the fired SOON/URGENT red flag `ruleId`.
    void clearanceRequested(const QString& ruleId);

private:
    void showClearanceActions(const core::ScreeningResult& result);

    core::ScreeningResult m_result;
    QLabel* m_triageLabel;
    QLabel* m_urgencyLabel;
    QLabel* m_blockedLabel;
    QTextBrowser* m_findingsTextBrowser;
    QWidget* m_clearanceActions;
    QVBoxLayout* m_clearanceLayout;
    bool m_clearanceAllowed = true;
    QString m_clearanceDeniedReason;
};

} // namespace backscreen::app
