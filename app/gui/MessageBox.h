#pragma once

#include <QMessageBox>

#include <optional>

namespace backscreen::app {

/// The app's modal message boxes, behind one seam: a test calls setNextAnswer() and the next box returns
/// that answer at once instead of waiting for a click (as KeePassXC's MessageBox does).
class MessageBox
{
public:
    static QMessageBox::StandardButton critical(QWidget* parent, const QString& title, const QString& text);
    static QMessageBox::StandardButton warning(QWidget* parent, const QString& title, const QString& text);
    static QMessageBox::StandardButton information(QWidget* parent, const QString& title, const QString& text);
    /// Yes or No, No being the default.
    static QMessageBox::StandardButton question(QWidget* parent, const QString& title, const QString& text);

    /// Save, Discard or Cancel for unsaved edits, Save being the default.
    static QMessageBox::StandardButton saveDiscardCancel(QWidget* parent, const QString& title, const QString& text);

    /// The answer the next box gives without showing; used once.
    static void setNextAnswer(QMessageBox::StandardButton answer);

    /// The text of the last box shown or answered, so tests can check what the user would have read.
    static QString lastText();

private:
    static QMessageBox::StandardButton show(QWidget* parent,
                                            QMessageBox::Icon icon,
                                            const QString& title,
                                            const QString& text,
                                            QMessageBox::StandardButtons buttons,
                                            QMessageBox::StandardButton defaultButton);
};

} // namespace backscreen::app
