#include "ExercisePickerDialog.h"

#include "ExerciseIllustration.h"
#include "TextConversion.h"

#include <QDialogButtonBox>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace backscreen::app {

namespace {

constexpr int ExerciseIdRole = Qt::UserRole + 1;
constexpr int SearchTextRole = Qt::UserRole + 2;

QString categoryText(core::ExerciseCategory category)
{
    switch (category) {
    case core::ExerciseCategory::Stretch:
        return ExercisePickerDialog::tr("Stretch");
    case core::ExerciseCategory::Mobility:
        return ExercisePickerDialog::tr("Mobility");
    case core::ExerciseCategory::Activation:
        return ExercisePickerDialog::tr("Activation");
    }
    return {};
}

} // namespace

ExercisePickerDialog::ExercisePickerDialog(const core::ExerciseCatalogue& catalogue,
                                           const std::set<std::string>& alreadyInProgram,
                                           QWidget* parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("exercisePickerDialog"));
    setWindowTitle(tr("Add exercise"));
    setAccessibleName(tr("Add exercise from the catalogue"));
    resize(720, 600);

    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("exerciseSearchLineEdit"));
    m_search->setPlaceholderText(tr("Search by name, id, target or tag"));
    m_search->setAccessibleName(tr("Search exercises"));
    m_search->setToolTip(tr("Type part of a name, an id (EX-GL-01), a target muscle or a tag; Down moves to the list"));
    m_search->setClearButtonEnabled(true);
    m_search->installEventFilter(this);
    auto* searchLabel = new QLabel(tr("&Search:"), this);
    searchLabel->setBuddy(m_search);

    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("exerciseCatalogueListWidget"));
    m_list->setAccessibleName(tr("Exercise catalogue"));
    m_list->setToolTip(tr("The catalogue's exercises with their start illustration; greyed ones are in the program"));
    m_list->setIconSize(QSize(96, 72));
    m_list->setSpacing(2);
    m_list->setWordWrap(true);
    for (const core::Exercise& exercise : catalogue.exercises()) {
        auto* item = new QListWidgetItem(m_list);
        const bool taken = alreadyInProgram.count(exercise.id) != 0;
        item->setText(tr("%1 (%2)\n%3 · %4%5")
                          .arg(toQString(exercise.name),
                               toQString(exercise.id),
                               categoryText(exercise.category),
                               toQString(exercise.target),
                               taken ? tr(" · already in the program") : QString()));
        item->setIcon(QIcon(ExerciseIllustration::pixmap(exercise.startIllustration, QSize(96, 72))));
        item->setData(ExerciseIdRole, toQString(exercise.id));
        QString searchText = toQString(exercise.name + " " + exercise.id + " " + exercise.target);
        for (const std::string& tag : exercise.tags) {
            searchText += QLatin1Char(' ') + toQString(tag);
        }
        item->setData(SearchTextRole, searchText);
        item->setToolTip(toQString(exercise.startPosition));
        if (taken) {
            item->setFlags(item->flags() & ~(Qt::ItemIsEnabled | Qt::ItemIsSelectable));
        }
    }

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    buttons->setObjectName(QStringLiteral("exercisePickerButtonBox"));
    m_addButton = buttons->addButton(tr("&Add to program"), QDialogButtonBox::AcceptRole);
    m_addButton->setObjectName(QStringLiteral("addExerciseOkButton"));
    m_addButton->setAccessibleName(tr("Add to program"));
    m_addButton->setToolTip(tr("Add the selected exercise at the end of the program"));
    m_addButton->setDefault(true);
    QPushButton* cancel = buttons->button(QDialogButtonBox::Cancel);
    cancel->setObjectName(QStringLiteral("addExerciseCancelButton"));
    cancel->setAccessibleName(tr("Cancel"));
    cancel->setToolTip(tr("Close without adding an exercise"));

    auto* layout = new QVBoxLayout(this);
    auto* searchRow = new QHBoxLayout;
    searchRow->addWidget(searchLabel);
    searchRow->addWidget(m_search, 1);
    layout->addLayout(searchRow);
    layout->addWidget(m_list, 1);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (!selectedExerciseId().empty()) {
            accept();
        }
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_search, &QLineEdit::textChanged, this, &ExercisePickerDialog::applyFilter);
    connect(m_list, &QListWidget::itemActivated, this, [this] {
        if (!selectedExerciseId().empty()) {
            accept();
        }
    });
    connect(m_list, &QListWidget::currentItemChanged, this, &ExercisePickerDialog::updateButtons);
    applyFilter();
    m_search->setFocus();
}

std::string ExercisePickerDialog::selectedExerciseId() const
{
    const QListWidgetItem* item = m_list->currentItem();
    if (item == nullptr || item->isHidden() || !(item->flags() & Qt::ItemIsEnabled)) {
        return {};
    }
    return toUtf8(item->data(ExerciseIdRole).toString());
}

int ExercisePickerDialog::visibleCount() const
{
    int count = 0;
    for (int row = 0; row < m_list->count(); ++row) {
        count += m_list->item(row)->isHidden() ? 0 : 1;
    }
    return count;
}

bool ExercisePickerDialog::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_search && event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        if (key->key() == Qt::Key_Down) {
            m_list->setFocus();
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

void ExercisePickerDialog::applyFilter()
{
    const QStringList words = m_search->text().simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    QListWidgetItem* first = nullptr;
    for (int row = 0; row < m_list->count(); ++row) {
        QListWidgetItem* item = m_list->item(row);
        const QString text = item->data(SearchTextRole).toString();
        bool shown = true;
        for (const QString& word : words) {
            shown = shown && text.contains(word, Qt::CaseInsensitive);
        }
        item->setHidden(!shown);
        if (shown && first == nullptr && (item->flags() & Qt::ItemIsEnabled)) {
            first = item;
        }
    }
    QListWidgetItem* current = m_list->currentItem();
    if (current == nullptr || current->isHidden()) {
        m_list->setCurrentItem(first);
    }
    updateButtons();
}

void ExercisePickerDialog::updateButtons()
{
    m_addButton->setEnabled(!selectedExerciseId().empty());
}

} // namespace backscreen::app
