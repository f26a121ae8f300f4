#include "QuestionnaireForm.h"

#include "QuestionWidget.h"
#include "TextConversion.h"

#include "core/fhir/ResponseValidator.h"

#include <QApplication>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QScrollArea>
#include <QShortcut>
#include <QStackedWidget>
#include <QVBoxLayout>

#include <functional>
#include <optional>

namespace backscreen::app {

namespace {

constexpr std::size_t npos = core::QuestionnaireItem::npos;

} // namespace

QuestionnaireForm::QuestionnaireForm(const core::Questionnaire& questionnaire, QWidget* parent)
    : QWidget(parent)
    , m_questionnaire(questionnaire)
    , m_evaluator(questionnaire)
    , m_itemWidgets(questionnaire.items().size(), nullptr)
    , m_questionWidgets(questionnaire.items().size(), nullptr)
{
    setObjectName(QStringLiteral("questionnaireForm"));

    m_sectionListWidget = new QListWidget(this);
    m_sectionListWidget->setObjectName(QStringLiteral("sectionListWidget"));
    m_sectionListWidget->setAccessibleName(tr("Sections of the form"));
    m_sectionListWidget->setToolTip(tr("Sections (Alt+Right / Alt+Left to move between them)"));
    m_sectionListWidget->setFocusPolicy(Qt::ClickFocus);
    m_sectionListWidget->setMaximumWidth(230);
    m_sectionListWidget->setWordWrap(true);
    m_sectionStack = new QStackedWidget(this);
    m_sectionStack->setObjectName(QStringLiteral("sectionStackedWidget"));

    // Top-level items that are not groups share one leading section.
    std::vector<std::size_t> looseRoots;
    for (std::size_t root : questionnaire.roots()) {
        if (questionnaire.items()[root].type != core::ItemType::Group) {
            looseRoots.push_back(root);
        }
    }
    auto addSection = [&](const QString& title, std::size_t rootIndex, const std::vector<std::size_t>& items) {
        auto* page = new QWidget;
        auto* pageLayout = new QVBoxLayout(page);
        auto* heading = new QLabel(title, page);
        heading->setObjectName(QStringLiteral("sectionTitleLabel"));
        QFont headingFont = heading->font();
        headingFont.setPointSizeF(headingFont.pointSizeF() * 1.3);
        headingFont.setBold(true);
        heading->setFont(headingFont);
        heading->setWordWrap(true);
        pageLayout->addWidget(heading);
        for (std::size_t index : items) {
            pageLayout->addWidget(buildItem(index, page));
        }
        pageLayout->addStretch(1);
        auto* scrollArea = new QScrollArea(m_sectionStack);
        scrollArea->setObjectName(QStringLiteral("sectionScrollArea"));
        scrollArea->setWidgetResizable(true);
        scrollArea->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        scrollArea->setWidget(page);
        scrollArea->setFocusPolicy(Qt::NoFocus);
        m_sectionStack->addWidget(scrollArea);
        m_sectionScrollAreas.push_back(scrollArea);
        m_sectionRoots.push_back(rootIndex);
        m_sectionListWidget->addItem(title);
    };
    if (!looseRoots.empty()) {
        addSection(tr("General"), npos, looseRoots);
    }
    for (std::size_t root : questionnaire.roots()) {
        const core::QuestionnaireItem& item = questionnaire.items()[root];
        if (item.type != core::ItemType::Group) {
            continue;
        }
        // The group's own widget is the page; its children are laid out on it.
        addSection(toQString(item.text.empty() ? item.linkId : item.text), root, item.children);
    }

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_sectionListWidget);
    layout->addWidget(m_sectionStack, 1);

    connect(m_sectionListWidget, &QListWidget::currentRowChanged, m_sectionStack, &QStackedWidget::setCurrentIndex);
    m_sectionListWidget->setCurrentRow(0);

    auto* next =
        new QShortcut(QKeySequence(Qt::ALT | Qt::Key_Right), this, nullptr, nullptr, Qt::WidgetWithChildrenShortcut);
    connect(next, &QShortcut::activated, this, &QuestionnaireForm::nextSection);
    auto* previous =
        new QShortcut(QKeySequence(Qt::ALT | Qt::Key_Left), this, nullptr, nullptr, Qt::WidgetWithChildrenShortcut);
    connect(previous, &QShortcut::activated, this, &QuestionnaireForm::previousSection);

    // Keep the focused question in view while tabbing through a long section.
    connect(qApp, &QApplication::focusChanged, this, [this](QWidget*, QWidget* now) {
        if (now == nullptr || !isAncestorOf(now)) {
            return;
        }
        for (std::size_t section = 0; section < m_sectionScrollAreas.size(); ++section) {
            QScrollArea* area = m_sectionScrollAreas[section];
            if (area->widget()->isAncestorOf(now)) {
                if (m_sectionStack->currentIndex() != static_cast<int>(section)) {
                    m_sectionListWidget->setCurrentRow(static_cast<int>(section));
                }
                area->ensureWidgetVisible(now, 20, 60);
            }
        }
    });

    m_evaluator.setAllAnswers({});
    std::vector<std::size_t> all(questionnaire.items().size());
    for (std::size_t index = 0; index < all.size(); ++index) {
        all[index] = index;
    }
    applyEnabled(all);
    updateSectionTitles();
}

QWidget* QuestionnaireForm::buildItem(std::size_t index, QWidget* parent)
{
    const core::QuestionnaireItem& item = m_questionnaire.items()[index];
    QWidget* widget = nullptr;
    if (item.type == core::ItemType::Group) {
        // The title is a wrapping label rather than the box's title, which cannot wrap and would widen the form.
        auto* box = new QGroupBox(parent);
        box->setObjectName(toQString(item.linkId) + QStringLiteral("GroupBox"));
        box->setAccessibleName(toQString(item.text));
        auto* boxLayout = new QVBoxLayout(box);
        auto* title = new QLabel(toQString(item.text), box);
        title->setObjectName(QStringLiteral("groupTitleLabel"));
        title->setWordWrap(true);
        QSizePolicy wrapping(QSizePolicy::Ignored, QSizePolicy::Preferred);
        wrapping.setHeightForWidth(true);
        title->setSizePolicy(wrapping);
        QFont titleFont = title->font();
        titleFont.setBold(true);
        title->setFont(titleFont);
        boxLayout->addWidget(title);
        for (std::size_t child : item.children) {
            boxLayout->addWidget(buildItem(child, box));
        }
        widget = box;
    } else if (item.type == core::ItemType::Display) {
        auto* label = new QLabel(toQString(item.text), parent);
        label->setObjectName(toQString(item.linkId) + QStringLiteral("Label"));
        label->setWordWrap(true);
        widget = label;
    } else {
        auto* question = new QuestionWidget(item, index, parent);
        connect(question, &QuestionWidget::answerChanged, this, &QuestionnaireForm::onAnswerChanged);
        connect(question, &QuestionWidget::advanceRequested, this, &QuestionnaireForm::advanceFrom);
        m_questionWidgets[index] = question;
        if (item.children.empty()) {
            widget = question;
        } else {
            // Items nested under a question follow it, indented.
            auto* container = new QWidget(parent);
            auto* containerLayout = new QVBoxLayout(container);
            containerLayout->setContentsMargins(0, 0, 0, 0);
            question->setParent(container);
            containerLayout->addWidget(question);
            for (std::size_t child : item.children) {
                QWidget* childWidget = buildItem(child, container);
                childWidget->setContentsMargins(24, 0, 0, 0);
                containerLayout->addWidget(childWidget);
            }
            widget = container;
        }
    }
    m_itemWidgets[index] = widget;
    return widget;
}

void QuestionnaireForm::applyInitialAnswers()
{
    const auto& items = m_questionnaire.items();
    for (std::size_t index = 0; index < items.size(); ++index) {
        std::vector<core::FhirValue> values = items[index].initial;
        for (const core::AnswerOption& option : items[index].answerOptions) {
            if (option.initialSelected) {
                values.push_back(option.value);
            }
        }
        if (!values.empty() && m_questionWidgets[index] != nullptr) {
            m_questionWidgets[index]->setAnswers(values);
            applyEnabled(m_evaluator.setAnswers(index, m_questionWidgets[index]->answers()));
        }
    }
    updateSectionTitles();
}

void QuestionnaireForm::setResponse(const core::QuestionnaireResponse& response)
{
    core::ItemAnswers answers = core::EnableWhenEvaluator::collectAnswers(m_questionnaire, response);
    answers.resize(m_questionnaire.items().size());
    for (std::size_t index = 0; index < answers.size(); ++index) {
        if (m_questionWidgets[index] != nullptr) {
            m_questionWidgets[index]->setAnswers(answers[index]);
            // What the widget could show is what counts (a value it cannot show is not kept silently).
            answers[index] = m_questionWidgets[index]->answers();
        }
    }
    m_evaluator.setAllAnswers(std::move(answers));
    std::vector<std::size_t> all(m_questionnaire.items().size());
    for (std::size_t index = 0; index < all.size(); ++index) {
        all[index] = index;
    }
    applyEnabled(all);
    updateSectionTitles();
}

core::QuestionnaireResponse QuestionnaireForm::response(const std::string& status, const std::string& authored) const
{
    const auto& items = m_questionnaire.items();
    std::function<std::optional<core::ResponseItem>(std::size_t)> build =
        [&](std::size_t index) -> std::optional<core::ResponseItem> {
        const core::QuestionnaireItem& item = items[index];
        if (!m_evaluator.isEnabled(index) || item.type == core::ItemType::Display) {
            return std::nullopt;
        }
        core::ResponseItem out;
        out.linkId = item.linkId;
        out.text = item.text;
        std::vector<core::ResponseItem> children;
        for (std::size_t child : item.children) {
            if (auto built = build(child)) {
                children.push_back(std::move(*built));
            }
        }
        if (item.type == core::ItemType::Group) {
            if (children.empty()) {
                return std::nullopt;
            }
            out.items = std::move(children);
            return out;
        }
        for (const core::FhirValue& value : m_evaluator.answers(index)) {
            core::ResponseAnswer answer;
            answer.value = value;
            answer.kind = value.kind();
            out.answers.push_back(std::move(answer));
        }
        if (out.answers.empty()) {
            return std::nullopt;
        }
        out.answers.front().items = std::move(children);
        return out;
    };
    core::QuestionnaireResponse response;
    response.questionnaire = m_questionnaire.canonical();
    response.status = status;
    response.authored = authored;
    for (std::size_t root : m_questionnaire.roots()) {
        if (auto built = build(root)) {
            response.items.push_back(std::move(*built));
        }
    }
    return response;
}

int QuestionnaireForm::validate()
{
    int problems = 0;
    const auto& items = m_questionnaire.items();
    for (std::size_t index = 0; index < items.size(); ++index) {
        QuestionWidget* question = m_questionWidgets[index];
        if (question == nullptr) {
            continue;
        }
        QString message;
        if (m_evaluator.isEnabled(index)) {
            const auto& values = m_evaluator.answers(index);
            if (values.empty() && items[index].required) {
                message = tr("Please answer this question: it is required.");
            }
            std::vector<core::Diagnostic> diagnostics;
            for (const core::FhirValue& value : values) {
                core::ResponseValidator::checkValue(value, items[index], {}, "form", diagnostics);
            }
            if (!diagnostics.empty()) {
                message = tr("This answer is not allowed: %1").arg(toQString(diagnostics.front().message));
            }
        }
        question->setValidationMessage(message);
        if (!message.isEmpty()) {
            ++problems;
        }
    }
    return problems;
}

std::vector<std::string> QuestionnaireForm::unansweredRequired() const
{
    std::vector<std::string> missing;
    const auto& items = m_questionnaire.items();
    for (std::size_t index = 0; index < items.size(); ++index) {
        if (items[index].required && core::isAnswerable(items[index].type) && m_evaluator.isEnabled(index)
            && m_evaluator.answers(index).empty()) {
            missing.push_back(items[index].linkId);
        }
    }
    return missing;
}

QuestionWidget* QuestionnaireForm::questionWidget(const std::string& linkId) const
{
    const std::size_t index = m_questionnaire.indexOf(linkId);
    return index == npos ? nullptr : m_questionWidgets[index];
}

int QuestionnaireForm::sectionCount() const
{
    return static_cast<int>(m_sectionRoots.size());
}

int QuestionnaireForm::currentSection() const
{
    return m_sectionStack->currentIndex();
}

void QuestionnaireForm::setCurrentSection(int section)
{
    if (section >= 0 && section < sectionCount()) {
        m_sectionListWidget->setCurrentRow(section);
    }
}

void QuestionnaireForm::nextSection()
{
    for (int section = currentSection() + 1; section < sectionCount(); ++section) {
        if (!m_sectionListWidget->item(section)->isHidden()) {
            setCurrentSection(section);
            focusFirstQuestion();
            return;
        }
    }
}

void QuestionnaireForm::previousSection()
{
    for (int section = currentSection() - 1; section >= 0; --section) {
        if (!m_sectionListWidget->item(section)->isHidden()) {
            setCurrentSection(section);
            focusFirstQuestion();
            return;
        }
    }
}

void QuestionnaireForm::focusFirstQuestion()
{
    const auto& items = m_questionnaire.items();
    const int section = currentSection();
    for (std::size_t index = 0; index < items.size(); ++index) {
        if (m_questionWidgets[index] != nullptr && sectionOf(index) == section && focusQuestion(index)) {
            return;
        }
    }
}

void QuestionnaireForm::onAnswerChanged(std::size_t index)
{
    applyEnabled(m_evaluator.setAnswers(index, m_questionWidgets[index]->answers()));
    updateSectionTitles();
    emit answersChanged(m_questionnaire.items()[index].linkId);
}

void QuestionnaireForm::applyEnabled(const std::vector<std::size_t>& changed)
{
    for (std::size_t index : changed) {
        QWidget* widget = m_itemWidgets[index];
        if (widget != nullptr) {
            widget->setVisible(m_evaluator.isEnabled(index));
        }
        for (std::size_t section = 0; section < m_sectionRoots.size(); ++section) {
            if (m_sectionRoots[section] == index) {
                m_sectionListWidget->item(static_cast<int>(section))->setHidden(!m_evaluator.isEnabled(index));
            }
        }
    }
}

void QuestionnaireForm::advanceFrom(std::size_t index)
{
    const auto& items = m_questionnaire.items();
    for (std::size_t next = index + 1; next < items.size(); ++next) {
        if (m_questionWidgets[next] != nullptr && focusQuestion(next)) {
            return;
        }
    }
}

bool QuestionnaireForm::focusQuestion(std::size_t index)
{
    if (!m_evaluator.isEnabled(index)) {
        return false;
    }
    const int section = sectionOf(index);
    if (section < 0 || m_sectionListWidget->item(section)->isHidden()) {
        return false;
    }
    if (section != currentSection()) {
        setCurrentSection(section);
    }
    QWidget* target = m_questionWidgets[index]->focusTarget();
    if (target == nullptr) {
        return false;
    }
    target->setFocus(Qt::TabFocusReason);
    m_sectionScrollAreas[static_cast<std::size_t>(section)]->ensureWidgetVisible(m_questionWidgets[index], 20, 60);
    return true;
}

int QuestionnaireForm::sectionOf(std::size_t index) const
{
    std::size_t root = index;
    while (m_questionnaire.items()[root].parent != npos) {
        root = m_questionnaire.items()[root].parent;
    }
    for (std::size_t section = 0; section < m_sectionRoots.size(); ++section) {
        if (m_sectionRoots[section] == root) {
            return static_cast<int>(section);
        }
    }
    // Loose top-level questions are in the leading "General" section.
    return m_sectionRoots.empty() || m_sectionRoots.front() != npos ? -1 : 0;
}

void QuestionnaireForm::updateSectionTitles()
{
    const auto& items = m_questionnaire.items();
    std::vector<int> missing(m_sectionRoots.size(), 0);
    for (const std::string& linkId : unansweredRequired()) {
        const int section = sectionOf(m_questionnaire.indexOf(linkId));
        if (section >= 0) {
            ++missing[static_cast<std::size_t>(section)];
        }
    }
    for (std::size_t section = 0; section < m_sectionRoots.size(); ++section) {
        const std::size_t root = m_sectionRoots[section];
        const QString title = root == npos ? tr("General") : toQString(items[root].text);
        QListWidgetItem* entry = m_sectionListWidget->item(static_cast<int>(section));
        const int count = missing[section];
        entry->setText(count == 0 ? QStringLiteral("✓ ") + title : tr("%1 (%n to answer)", nullptr, count).arg(title));
        entry->setToolTip(count == 0 ? tr("Every required question of this section is answered")
                                     : tr("%n required question(s) still unanswered", nullptr, count));
    }
}

} // namespace backscreen::app
