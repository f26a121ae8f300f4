#pragma once

#include "app/gui/QuestionWidget.h"
#include "app/gui/QuestionnaireForm.h"
#include "core/json/JsonValue.h"
#include "core/json/JsonWriter.h"

#include <QApplication>
#include <QTest>

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace backscreen::app::test {

/// The question whose editor has the keyboard focus, or nullptr.
inline QuestionWidget* focusedQuestion()
{
    for (QWidget* widget = QApplication::focusWidget(); widget != nullptr; widget = widget->parentWidget()) {
        if (auto* question = qobject_cast<QuestionWidget*>(widget)) {
            return question;
        }
    }
    return nullptr;
}

/// Types one flat answer into the focused question with the keys a therapist would press.
inline void typeAnswer(QuestionWidget& question, const core::JsonValue& value)
{
    QWidget* target = QApplication::focusWidget();
    const core::QuestionnaireItem& item = question.item();
    switch (item.type) {
    case core::ItemType::Boolean:
        QTest::keyClick(target, value.asBool() ? Qt::Key_Y : Qt::Key_N);
        break;
    case core::ItemType::Integer:
    case core::ItemType::Decimal: {
        const std::string text =
            value.numberText().empty() ? core::JsonWriter::formatNumber(value.asNumber()) : value.numberText();
        QTest::keyClick(target, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(target, QString::fromStdString(text));
        break;
    }
    case core::ItemType::Choice: {
        for (std::size_t option = 0; option < item.answerOptions.size(); ++option) {
            if (item.answerOptions[option].value.text() == value.asString()) {
                QTest::keyClick(target, static_cast<Qt::Key>(Qt::Key_1 + static_cast<int>(option)));
            }
        }
        break;
    }
    default:
        QTest::keyClicks(target, QString::fromStdString(value.asString()));
        break;
    }
}

/// Walks the whole interview by keyboard from the focused first question: types the vignette's answer where
/// it has one and presses Enter to go on, until Enter no longer moves. Returns the linkIds visited in order.
inline std::vector<std::string> answerInterviewByKeyboard(const core::JsonValue& answers)
{
    std::vector<std::string> visited;
    QuestionWidget* question = focusedQuestion();
    EXPECT_NE(question, nullptr) << "no question has the focus";
    while (question != nullptr && visited.size() < 1000) {
        const std::string& linkId = question->item().linkId;
        visited.push_back(linkId);
        if (const core::JsonValue* value = answers.find(linkId)) {
            typeAnswer(*question, *value);
        } else if (!question->answers().empty()) {
            // An initial answer the vignette does not give: clear it as a therapist would.
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Delete);
        }
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
        QuestionWidget* next = focusedQuestion();
        if (next == question) {
            break;
        }
        question = next;
    }
    return visited;
}

} // namespace backscreen::app::test
