#pragma once

#include "app/gui/ClearanceRecorder.h"
#include "core/screening/ScreeningResult.h"

#include <QDialog>

class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace backscreen::app {

/// Asks for the documented medical clearance of one fired SOON or URGENT red flag: the reviewing clinician,
/// the review date (today by default, never in the future), the structured reason (the clearance reason
/// codes, in words) and a note (required). Accepts only when the clinician and the note are given; the
/// caller stores request() with ClearanceRecorder.
class ClearanceDialog : public QDialog
{
    Q_OBJECT

public:
    ClearanceDialog(const core::Finding& finding, QWidget* parent = nullptr);

    /// What was entered, for ClearanceRecorder::record.
    ClearanceRecorder::Request request() const;

    void done(int result) override;

    /// The words shown for a reason code.
    static QString reasonText(core::ClearanceReason reason);

private:
    std::string m_ruleId;
    QLineEdit* m_reviewerLineEdit;
    QDateEdit* m_reviewDateEdit;
    QComboBox* m_reasonComboBox;
    QPlainTextEdit* m_noteTextEdit;
    QLabel* m_errorLabel;
};

} // namespace backscreen::app
