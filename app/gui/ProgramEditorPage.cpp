#include "ProgramEditorPage.h"

#include "DosageEditor.h"
#include "ExerciseIllustration.h"
#include "ExercisePickerDialog.h"
#include "LatestScreening.h"
#include "MessageBox.h"
#include "ProgramComparisonDialog.h"
#include "ProgramEditCommand.h"
#include "ProgramExerciseModel.h"
#include "StoredJson.h"
#include "TextConversion.h"

#include "core/common/Error.h"
#include "core/json/JsonReader.h"
#include "core/program/ProgramGenerator.h"
#include "db/ClinicService.h"

#include <QAction>
#include <QDate>
#include <QDir>
#include <QFileDialog>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPrintDialog>
#include <QPrintPreviewDialog>
#include <QPrinter>
#include <QRegularExpression>
#include <QSettings>
#include <QSplitter>
#include <QStandardPaths>
#include <QTableView>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>

#include <algorithm>
#include <set>

namespace backscreen::app {

namespace {

/// The printer the handout is painted on: points (72 dpi) from the paper's corner, as the renderer draws.
void prepare(QPrinter& printer)
{
    printer.setFullPage(true);
    printer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout::Point);
    printer.setResolution(72);
    printer.setDocName(QStringLiteral("Home exercise program"));
    printer.setCreator(QStringLiteral("Backscreen"));
}

/// A text-only tool button for one of the page's actions, named after it ("…Action" -> "…Button").
QToolButton* toolButtonFor(QAction* action, QWidget* parent)
{
    auto* button = new QToolButton(parent);
    button->setDefaultAction(action);
    button->setObjectName(action->objectName().replace(QStringLiteral("Action"), QStringLiteral("Button")));
    button->setAccessibleName(action->text().remove(QLatin1Char('&')).remove(QStringLiteral("…")));
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    return button;
}

} // namespace

ProgramEditorPage::ProgramEditorPage(db::ClinicService& service,
                                     const core::ExerciseCatalogue& catalogue,
                                     const core::ProgramRuleset& ruleset,
                                     const core::ScreeningEngine& engine,
                                     QWidget* parent)
    : QWidget(parent)
    , m_service(service)
    , m_catalogue(catalogue)
    , m_ruleset(ruleset)
    , m_engine(engine)
    , m_renderer(catalogue, ruleset)
    , m_model(new ProgramExerciseModel(catalogue, this))
    , m_undoStack(new QUndoStack(this))
{
    setObjectName(QStringLiteral("programEditorPage"));
    m_undoStack->setObjectName(QStringLiteral("programUndoStack"));

    m_titleLabel = new QLabel(this);
    m_titleLabel->setObjectName(QStringLiteral("programTitleLabel"));
    m_titleLabel->setAccessibleName(tr("Program"));
    QFont titleFont = m_titleLabel->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    m_titleLabel->setFont(titleFont);
    m_blockedLabel = new QLabel(this);
    m_blockedLabel->setObjectName(QStringLiteral("programBlockedLabel"));
    m_blockedLabel->setAccessibleName(tr("Printing blocked"));
    m_blockedLabel->setWordWrap(true);
    m_blockedLabel->setStyleSheet(
        QStringLiteral("background: #fde8e8; color: #7a0000; border: 1px solid #c00000; padding: 6px;"));
    m_blockedLabel->hide();

    // Actions: the page's buttons and the main window's menus share them.
    m_undoAction = makeAction(tr("&Undo"), QStringLiteral("programUndoAction"), tr("Undo the last edit"));
    m_undoAction->setShortcuts(QKeySequence::Undo);
    m_redoAction = makeAction(tr("&Redo"), QStringLiteral("programRedoAction"), tr("Redo the edit just undone"));
    m_redoAction->setShortcuts(QKeySequence::Redo);
    m_saveAction = makeAction(tr("&Save as new version"),
                              QStringLiteral("saveProgramAction"),
                              tr("Store the edits as the next version of the program; older versions are kept"));
    m_saveAction->setShortcuts(QKeySequence::Save);
    m_addAction = makeAction(tr("&Add exercise…"),
                             QStringLiteral("addExerciseAction"),
                             tr("Choose an exercise from the catalogue to add to the program (Insert)"));
    m_addAction->setShortcut(QKeySequence(Qt::Key_Insert));
    m_removeAction = makeAction(
        tr("&Remove exercise"), QStringLiteral("removeExerciseAction"), tr("Remove the selected exercise (Delete)"));
    m_removeAction->setShortcuts(QKeySequence::Delete);
    m_moveUpAction = makeAction(
        tr("Move &up"), QStringLiteral("moveExerciseUpAction"), tr("Move the selected exercise up (Ctrl+Up)"));
    m_moveUpAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Up));
    m_moveDownAction = makeAction(
        tr("Move &down"), QStringLiteral("moveExerciseDownAction"), tr("Move the selected exercise down (Ctrl+Down)"));
    m_moveDownAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Down));
    m_compareAction = makeAction(tr("&Compare with previous version…"),
                                 QStringLiteral("compareProgramAction"),
                                 tr("Show what changed against the previous version, or what your edits change"));
    m_compareAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D));
    m_printPreviewAction = makeAction(
        tr("Print pre&view…"), QStringLiteral("printPreviewAction"), tr("Show the client's handout as it will print"));
    m_printPreviewAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    m_printAction = makeAction(tr("&Print…"), QStringLiteral("printAction"), tr("Print the client's handout"));
    m_printAction->setShortcuts(QKeySequence::Print);
    m_savePdfAction = makeAction(tr("Save handout as P&DF…"),
                                 QStringLiteral("saveHandoutPdfAction"),
                                 tr("Save the client's handout as a PDF file to e-mail or print later"));
    m_savePdfAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    m_closeAction = makeAction(tr("&Back to the client"),
                               QStringLiteral("closeProgramAction"),
                               tr("Leave the program editor for the client's record (asks about unsaved edits)"));
    m_closeAction->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Left));

    connect(m_undoAction, &QAction::triggered, m_undoStack, &QUndoStack::undo);
    connect(m_redoAction, &QAction::triggered, m_undoStack, &QUndoStack::redo);
    connect(m_saveAction, &QAction::triggered, this, &ProgramEditorPage::save);
    connect(m_addAction, &QAction::triggered, this, &ProgramEditorPage::chooseExercise);
    connect(m_removeAction, &QAction::triggered, this, &ProgramEditorPage::removeSelected);
    connect(m_moveUpAction, &QAction::triggered, this, [this] { moveSelected(-1); });
    connect(m_moveDownAction, &QAction::triggered, this, [this] { moveSelected(1); });
    connect(m_compareAction, &QAction::triggered, this, &ProgramEditorPage::compareWithPrevious);
    connect(m_printPreviewAction, &QAction::triggered, this, &ProgramEditorPage::printPreview);
    connect(m_printAction, &QAction::triggered, this, &ProgramEditorPage::print);
    connect(m_savePdfAction, &QAction::triggered, this, &ProgramEditorPage::saveAsPdf);
    connect(m_closeAction, &QAction::triggered, this, [this] {
        if (maybeLeave()) {
            emit closeRequested();
        }
    });

    // The exercise list.
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("programExercisesTableView"));
    m_table->setAccessibleName(tr("Exercises of the program"));
    m_table->setToolTip(tr("The exercises in handout order; Ctrl+Up and Ctrl+Down move the selected one"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setIconSize(QSize(72, 54));
    m_table->setWordWrap(true);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(62);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setColumnWidth(ProgramExerciseModel::ExerciseColumn, 300);
    m_table->setColumnWidth(ProgramExerciseModel::DoseColumn, 300);
    auto* listLabel = new QLabel(tr("E&xercises"), this);
    listLabel->setBuddy(m_table);

    auto* listButtons = new QHBoxLayout;
    for (QAction* action : {m_addAction, m_removeAction, m_moveUpAction, m_moveDownAction}) {
        listButtons->addWidget(toolButtonFor(action, this));
    }
    listButtons->addStretch(1);

    m_sizeLabel = new QLabel(this);
    m_sizeLabel->setObjectName(QStringLiteral("programSizeLabel"));
    m_sizeLabel->setAccessibleName(tr("Program size"));
    m_sizeLabel->setToolTip(tr("Exercises.md G8: at most %1 exercises per handout, at least %2 activation exercise")
                                .arg(catalogue.maxExercises())
                                .arg(catalogue.minActivationExercises()));
    m_sizeLabel->setWordWrap(true);
    listButtons->addWidget(m_sizeLabel);

    auto* listPanel = new QWidget(this);
    auto* listLayout = new QVBoxLayout(listPanel);
    listLayout->setContentsMargins(0, 0, 0, 0);
    listLayout->addWidget(listLabel);
    listLayout->addWidget(m_table, 1);
    listLayout->addLayout(listButtons);

    // The selected exercise.
    auto* details = new QGroupBox(tr("Selected exercise"), this);
    details->setObjectName(QStringLiteral("selectedExerciseGroupBox"));
    details->setAccessibleName(tr("Selected exercise"));
    m_exerciseLabel = new QLabel(details);
    m_exerciseLabel->setObjectName(QStringLiteral("selectedExerciseLabel"));
    m_exerciseLabel->setAccessibleName(tr("Selected exercise name"));
    m_exerciseLabel->setWordWrap(true);
    m_startPicture = new QLabel(details);
    m_startPicture->setObjectName(QStringLiteral("startIllustrationLabel"));
    m_startPicture->setAccessibleName(tr("Start position illustration"));
    m_startPicture->setToolTip(tr("How the exercise starts, as printed on the handout"));
    m_endPicture = new QLabel(details);
    m_endPicture->setObjectName(QStringLiteral("endIllustrationLabel"));
    m_endPicture->setAccessibleName(tr("Finish position illustration"));
    m_endPicture->setToolTip(tr("How the exercise finishes, as printed on the handout"));
    auto* pictures = new QHBoxLayout;
    pictures->addWidget(m_startPicture);
    pictures->addWidget(m_endPicture);
    pictures->addStretch(1);
    m_dosageEditor = new DosageEditor(details);
    m_dosageEditor->setAccessibleName(tr("Dose"));
    m_dosageEditor->setToolTip(tr("The dose printed on the handout; each field is checked when you leave it"));
    m_noteEdit = new QPlainTextEdit(details);
    m_noteEdit->setObjectName(QStringLiteral("exerciseNoteEdit"));
    m_noteEdit->setAccessibleName(tr("Note for the client"));
    m_noteEdit->setToolTip(tr("Printed under the exercise on the handout; Ctrl+Z undoes the whole note edit"));
    m_noteEdit->setTabChangesFocus(true);
    m_noteEdit->setMaximumHeight(90);
    // The page's undo stack holds note edits too, so the text box keeps no undo history of its own.
    m_noteEdit->setUndoRedoEnabled(false);
    m_noteEdit->installEventFilter(this);
    for (int field = 0; field < DosageEditor::FieldCount; ++field) {
        m_dosageEditor->field(static_cast<DosageEditor::Field>(field))->installEventFilter(this);
    }
    auto* noteLabel = new QLabel(tr("&Note for the client:"), details);
    noteLabel->setBuddy(m_noteEdit);
    m_reasonLabel = new QLabel(details);
    m_reasonLabel->setObjectName(QStringLiteral("exerciseReasonLabel"));
    m_reasonLabel->setAccessibleName(tr("Why the exercise is in the program"));
    m_reasonLabel->setToolTip(tr("The program rule that chose the exercise and the finding it answers"));
    m_reasonLabel->setWordWrap(true);
    auto* detailsLayout = new QVBoxLayout(details);
    detailsLayout->addWidget(m_exerciseLabel);
    detailsLayout->addWidget(m_reasonLabel);
    detailsLayout->addLayout(pictures);
    detailsLayout->addWidget(m_dosageEditor);
    detailsLayout->addWidget(noteLabel);
    detailsLayout->addWidget(m_noteEdit);
    detailsLayout->addStretch(1);

    // The program's own notes, printed under "Notes for you"; precautions stay as the rules set them.
    m_programNotesEdit = new QPlainTextEdit(this);
    m_programNotesEdit->setObjectName(QStringLiteral("programNotesEdit"));
    m_programNotesEdit->setAccessibleName(tr("Program notes"));
    m_programNotesEdit->setToolTip(
        tr("Notes printed for the client under \"Notes for you\", one per line; Ctrl+Z undoes the whole edit"));
    m_programNotesEdit->setTabChangesFocus(true);
    m_programNotesEdit->setMaximumHeight(90);
    m_programNotesEdit->setUndoRedoEnabled(false);
    m_programNotesEdit->installEventFilter(this);
    auto* programNotesLabel = new QLabel(tr("Program notes, one per &line:"), this);
    programNotesLabel->setBuddy(m_programNotesEdit);
    listLayout->addWidget(programNotesLabel);
    listLayout->addWidget(m_programNotesEdit);

    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("programEditorSplitter"));
    splitter->addWidget(listPanel);
    splitter->addWidget(details);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    auto* bottom = new QHBoxLayout;
    const auto addButton = [this, bottom](QAction* action) { bottom->addWidget(toolButtonFor(action, this)); };
    addButton(m_closeAction);
    addButton(m_undoAction);
    addButton(m_redoAction);
    bottom->addStretch(1);
    addButton(m_compareAction);
    addButton(m_printPreviewAction);
    addButton(m_printAction);
    addButton(m_savePdfAction);
    addButton(m_saveAction);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_titleLabel);
    layout->addWidget(m_blockedLabel);
    layout->addWidget(splitter, 1);
    layout->addLayout(bottom);

    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        refreshDetails();
        updateActions();
    });
    connect(m_dosageEditor, &DosageEditor::dosageEdited, this, &ProgramEditorPage::setSelectedDosage);
    connect(m_noteEdit, &QPlainTextEdit::textChanged, this, [this] {
        if (!m_updating) {
            setSelectedNote(m_noteEdit->toPlainText());
        }
    });
    connect(m_programNotesEdit, &QPlainTextEdit::textChanged, this, [this] {
        if (!m_updating) {
            setProgramNotes(m_programNotesEdit->toPlainText());
        }
    });
    connect(m_undoStack, &QUndoStack::indexChanged, this, [this] {
        updateTitle();
        updateActions();
    });
    connect(m_undoStack, &QUndoStack::cleanChanged, this, [this] { updateTitle(); });
    refreshDetails();
    updateActions();
}

ProgramEditorPage::~ProgramEditorPage()
{
    // The children outlive this part of the page and signal while they go (the stack clears itself).
    m_undoStack->disconnect(this);
    m_table->selectionModel()->disconnect(this);
    m_noteEdit->disconnect(this);
    m_programNotesEdit->disconnect(this);
    m_dosageEditor->disconnect(this);
}

QPrinter& ProgramEditorPage::printer()
{
    // Made on first use: a QPrinter looks up the default printer, which slows the start-up of every session.
    if (!m_printer) {
        m_printer = std::make_unique<QPrinter>(QPrinter::HighResolution);
        prepare(*m_printer);
        if (QLocale::system().measurementSystem() == QLocale::ImperialUSSystem) {
            m_printer->setPageSize(QPageSize(QPageSize::Letter));
        } else {
            m_printer->setPageSize(QPageSize(QPageSize::A4));
        }
    }
    return *m_printer;
}

QAction* ProgramEditorPage::makeAction(const QString& text, const QString& objectName, const QString& toolTip)
{
    auto* action = new QAction(text, this);
    action->setObjectName(objectName);
    action->setToolTip(toolTip);
    action->setStatusTip(toolTip);
    QWidget::addAction(action);
    return action;
}

void ProgramEditorPage::openProgram(db::RecordId clientId)
{
    const db::ClientHistory history = m_service.clientHistory(clientId);
    if (history.programVersions.empty()) {
        throw Error(ErrorCode::RecordNotFound,
                    "client " + std::to_string(clientId)
                        + ": no home program; expected one generated from a screening first");
    }
    // Versions are listed by program, then version: the last one is the newest of the newest program.
    const db::HomeProgramVersionRecord& latest = history.programVersions.back();
    core::Program program = StoredJson::program(latest);
    std::optional<core::Program> previous;
    for (const db::HomeProgramVersionRecord& record : history.programVersions) {
        if (record.programId == latest.programId && record.version == latest.version - 1) {
            previous = StoredJson::program(record);
        }
    }
    m_clientId = clientId;
    m_clientName = toQString(history.client.givenName + " " + history.client.familyName);
    m_loaded = latest;
    m_loadedProgram = program;
    m_previousProgram = std::move(previous);
    m_undoStack->clear();
    apply(program, program.exercises.empty() ? std::string() : program.exercises.front().exerciseId);
    // From the history just read: the refusal needs no second (audited) read.
    const QString refusal = toQString(LatestScreening::handoutRefusal(history, &m_engine));
    m_blockedLabel->setText(refusal.isEmpty() ? QString() : tr("Printing is blocked: %1").arg(refusal));
    m_blockedLabel->setVisible(!refusal.isEmpty());
    updateTitle();
    updateActions();
    m_table->setFocus();
}

const core::Program& ProgramEditorPage::program() const
{
    return m_model->program();
}

bool ProgramEditorPage::isModified() const
{
    return !m_undoStack->isClean();
}

bool ProgramEditorPage::maybeLeave()
{
    if (!isModified()) {
        return true;
    }
    const QMessageBox::StandardButton answer = MessageBox::saveDiscardCancel(
        this,
        tr("Unsaved program edits"),
        tr("The home program for %1 has edits that are not saved.\nSave them as version %2?")
            .arg(m_clientName)
            .arg(m_loaded.version + 1));
    if (answer == QMessageBox::Save) {
        return save();
    }
    if (answer == QMessageBox::Discard) {
        m_undoStack->clear();
        apply(m_loadedProgram, selectedExerciseId());
        updateTitle();
        return true;
    }
    return false;
}

bool ProgramEditorPage::save()
{
    if (m_clientId == 0) {
        return false;
    }
    if (!isModified()) {
        MessageBox::information(this, tr("Nothing to save"), tr("There are no edits to save."));
        return true;
    }
    db::HomeProgramVersionRecord saved;
    try {
        saved = m_service.saveHomeProgram(StoredJson::editedVersion(m_loaded, m_model->program()));
    } catch (const Error& error) {
        if (error.code() == ErrorCode::RecordStale) {
            MessageBox::warning(this,
                                tr("Program not saved"),
                                tr("Version %1 is no longer the newest: another version was saved meanwhile (%2).\n"
                                   "Nothing was saved and your edits are still here. Go back to the client and "
                                   "open the program again to edit the newest version.")
                                    .arg(m_loaded.version)
                                    .arg(toQString(error.what())));
        } else {
            MessageBox::critical(this,
                                 tr("Program not saved"),
                                 tr("The program could not be saved: %1\nNothing was saved and your edits are still "
                                    "here.")
                                     .arg(toQString(error.what())));
        }
        return false;
    }
    core::Program program = m_model->program();
    program.version = static_cast<int>(saved.version);
    m_previousProgram = m_loadedProgram;
    m_loaded = saved;
    m_loadedProgram = program;
    m_updating = true;
    m_model->setProgram(program);
    m_updating = false;
    m_undoStack->setClean();
    updateTitle();
    updateActions();
    emit programSaved(m_clientId, saved.version);
    return true;
}

void ProgramEditorPage::push(
    const QString& text, core::Program after, const std::string& select, int mergeId, const std::string& mergeKey)
{
    m_undoStack->push(new ProgramEditCommand(
        text,
        m_model->program(),
        std::move(after),
        select,
        [this](const core::Program& program, const std::string& selectId) { apply(program, selectId); },
        mergeId,
        mergeKey));
}

void ProgramEditorPage::addExercise(const std::string& exerciseId)
{
    if (m_clientId == 0) {
        return;
    }
    try {
        // The exercise as the generator would give it for this client's screening (nerve-friendly form and
        // notes of the rules that hold), falling back to the catalogue's default when there is no screening.
        core::ProgramExercise exercise;
        try {
            const LatestScreening latest =
                LatestScreening::forVisitOrLatest(m_service.clientHistory(m_clientId), m_loaded.visitId, &m_engine);
            exercise = core::ProgramGenerator(m_catalogue, m_ruleset)
                           .exerciseFor(core::ProgramRequest::fromScreening(latest.result), exerciseId);
        } catch (const Error& error) {
            if (error.code() != ErrorCode::RecordNotFound) {
                throw;
            }
            const core::Exercise* known = m_catalogue.find(exerciseId);
            if (known == nullptr) {
                throw Error(ErrorCode::ProgramEditRejected,
                            "program: exercise \"" + exerciseId + "\" is not in the catalogue");
            }
            exercise.exerciseId = exerciseId;
            exercise.dosage = known->dosage;
            exercise.reasons.push_back({"therapist", "added by the therapist"});
        }
        core::Program after = m_model->program();
        after.addExercise(exercise);
        const core::Exercise* known = m_catalogue.find(exerciseId);
        push(tr("Add %1").arg(toQString(known != nullptr ? known->name : exerciseId)), std::move(after), exerciseId);
    } catch (const Error& error) {
        MessageBox::warning(this, tr("Exercise not added"), toQString(error.what()));
    }
}

void ProgramEditorPage::removeSelected()
{
    const std::string id = selectedExerciseId();
    if (id.empty()) {
        return;
    }
    core::Program after = m_model->program();
    after.removeExercise(id);
    const core::Exercise* known = m_catalogue.find(id);
    push(tr("Remove %1").arg(toQString(known != nullptr ? known->name : id)), std::move(after), id);
}

void ProgramEditorPage::moveSelected(int offset)
{
    const std::string id = selectedExerciseId();
    const int row = m_model->rowOf(id);
    const int target = row + offset;
    if (id.empty() || target < 0 || target >= m_model->rowCount()) {
        return;
    }
    core::Program after = m_model->program();
    after.moveExercise(id, static_cast<std::size_t>(target));
    const core::Exercise* known = m_catalogue.find(id);
    push((offset < 0 ? tr("Move %1 up") : tr("Move %1 down")).arg(toQString(known != nullptr ? known->name : id)),
         std::move(after),
         id);
}

void ProgramEditorPage::setSelectedDosage(const core::Dosage& dosage)
{
    const std::string id = selectedExerciseId();
    if (id.empty() || m_updating) {
        return;
    }
    core::Program after = m_model->program();
    if (after.exercises[after.indexOf(id)].dosage == dosage) {
        return;
    }
    after.setDosage(id, dosage);
    push(tr("Change the dose of %1").arg(toQString(id)), std::move(after), id);
}

void ProgramEditorPage::setSelectedNote(const QString& note)
{
    const std::string id = selectedExerciseId();
    if (id.empty()) {
        return;
    }
    core::Program after = m_model->program();
    if (after.exercises[after.indexOf(id)].note == toUtf8(note)) {
        return;
    }
    after.setNote(id, toUtf8(note));
    push(tr("Edit the note of %1").arg(toQString(id)),
         std::move(after),
         id,
         ProgramEditCommand::NoteEditId,
         "note:" + id);
}

std::vector<std::string> ProgramEditorPage::notesOf(const QString& text)
{
    std::vector<std::string> notes;
    for (const QString& line : text.split(QLatin1Char('\n'))) {
        const QString trimmed = line.trimmed();
        if (!trimmed.isEmpty()) {
            notes.push_back(toUtf8(trimmed));
        }
    }
    return notes;
}

void ProgramEditorPage::setProgramNotes(const QString& text)
{
    if (m_clientId == 0) {
        return;
    }
    core::Program after = m_model->program();
    std::vector<std::string> notes = notesOf(text);
    if (after.notes == notes) {
        return;
    }
    after.notes = std::move(notes);
    push(tr("Edit the program notes"), std::move(after), selectedExerciseId(), ProgramEditCommand::NoteEditId, "notes");
}

void ProgramEditorPage::selectExercise(const std::string& exerciseId)
{
    const int row = m_model->rowOf(exerciseId);
    if (row >= 0) {
        m_table->selectionModel()->setCurrentIndex(m_model->index(row, 0),
                                                   QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    }
}

std::string ProgramEditorPage::selectedExerciseId() const
{
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    if (!current.isValid()) {
        return {};
    }
    return toUtf8(current.data(ProgramExerciseModel::ExerciseIdRole).toString());
}

void ProgramEditorPage::apply(const core::Program& program, const std::string& select)
{
    const int previousRow = m_table->selectionModel()->currentIndex().row();
    m_updating = true;
    m_model->setProgram(program);
    int row = m_model->rowOf(select);
    if (row < 0 && m_model->rowCount() > 0) {
        // The exercise left the program: keep the cursor at the same place.
        row = std::clamp(previousRow, 0, m_model->rowCount() - 1);
    }
    if (row >= 0) {
        m_table->selectionModel()->setCurrentIndex(m_model->index(row, 0),
                                                   QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        m_table->scrollTo(m_model->index(row, 0));
    }
    updateSizeWarning();
    // Only when the lines differ, so typing (a trailing new line, spaces) keeps the cursor where it is.
    if (notesOf(m_programNotesEdit->toPlainText()) != program.notes) {
        QStringList lines;
        for (const std::string& note : program.notes) {
            lines << toQString(note);
        }
        m_programNotesEdit->setPlainText(lines.join(QLatin1Char('\n')));
        m_programNotesEdit->moveCursor(QTextCursor::End);
    }
    m_updating = false;
    refreshDetails();
    updateActions();
}

void ProgramEditorPage::updateSizeWarning()
{
    // G8 is the generator's rule; the therapist may go beyond it, so this warns and does not refuse.
    const core::Program& program = m_model->program();
    int activation = 0;
    for (const core::ProgramExercise& item : program.exercises) {
        const core::Exercise* exercise = m_catalogue.find(item.exerciseId);
        activation += exercise != nullptr && exercise->category == core::ExerciseCategory::Activation ? 1 : 0;
    }
    QStringList warnings;
    const int count = static_cast<int>(program.exercises.size());
    if (count > m_catalogue.maxExercises()) {
        warnings << tr("%n exercise(s): a handout should hold at most %1 (G8)", nullptr, count)
                        .arg(m_catalogue.maxExercises());
    }
    if (activation < m_catalogue.minActivationExercises()) {
        warnings << tr("no activation exercise: a program should hold at least %1 (G8)")
                        .arg(m_catalogue.minActivationExercises());
    }
    m_sizeLabel->setText(warnings.join(QStringLiteral("; ")));
    m_sizeLabel->setStyleSheet(warnings.isEmpty() ? QString() : QStringLiteral("color: #8a5a00; font-weight: bold;"));
}

void ProgramEditorPage::refreshDetails()
{
    const std::string id = selectedExerciseId();
    const std::size_t index = m_model->program().indexOf(id);
    const bool selected = !id.empty() && index < m_model->program().exercises.size();
    m_updating = true;
    if (!selected) {
        m_exerciseLabel->setText(tr("No exercise selected"));
        m_reasonLabel->clear();
        m_startPicture->clear();
        m_endPicture->clear();
        m_dosageEditor->setDosage(std::nullopt);
        m_noteEdit->clear();
        m_noteEdit->setEnabled(false);
        m_updating = false;
        return;
    }
    const core::ProgramExercise& item = m_model->program().exercises[index];
    const core::Exercise* exercise = m_catalogue.find(id);
    if (exercise != nullptr) {
        m_exerciseLabel->setText(tr("<b>%1</b> (%2)<br>%3")
                                     .arg(toQString(exercise->name).toHtmlEscaped(),
                                          toQString(id),
                                          toQString(exercise->target).toHtmlEscaped()));
        m_startPicture->setPixmap(ExerciseIllustration::pixmap(exercise->startIllustration, QSize(200, 150)));
        m_endPicture->setPixmap(ExerciseIllustration::pixmap(exercise->endIllustration, QSize(200, 150)));
    } else {
        m_exerciseLabel->setText(toQString(id));
        m_startPicture->clear();
        m_endPicture->clear();
    }
    QStringList reasons;
    for (const core::ProgramReason& reason : item.reasons) {
        reasons << tr("%1 (%2)").arg(toQString(reason.finding), toQString(reason.ruleId));
    }
    m_reasonLabel->setText(tr("Why: %1").arg(reasons.join(QStringLiteral("; "))));
    m_dosageEditor->setDosage(item.dosage);
    m_noteEdit->setEnabled(true);
    if (m_noteEdit->toPlainText() != toQString(item.note)) {
        m_noteEdit->setPlainText(toQString(item.note));
        m_noteEdit->moveCursor(QTextCursor::End);
    }
    m_updating = false;
}

void ProgramEditorPage::updateTitle()
{
    if (m_clientId == 0) {
        m_titleLabel->clear();
        return;
    }
    m_titleLabel->setText(
        isModified()
            ? tr("Home program for %1 — version %2, edited (not saved)").arg(m_clientName).arg(m_loaded.version)
            : tr("Home program for %1 — version %2").arg(m_clientName).arg(m_loaded.version));
    setWindowModified(isModified());
}

void ProgramEditorPage::updateActions()
{
    const bool open = m_shown && m_clientId != 0;
    const int row = m_model->rowOf(selectedExerciseId());
    m_undoAction->setEnabled(open && m_undoStack->canUndo());
    m_redoAction->setEnabled(open && m_undoStack->canRedo());
    m_undoAction->setText(m_undoStack->canUndo() ? tr("&Undo %1").arg(m_undoStack->undoText()) : tr("&Undo"));
    m_redoAction->setText(m_undoStack->canRedo() ? tr("&Redo %1").arg(m_undoStack->redoText()) : tr("&Redo"));
    m_saveAction->setEnabled(open && isModified());
    m_addAction->setEnabled(open);
    m_removeAction->setEnabled(open && row >= 0);
    m_moveUpAction->setEnabled(open && row > 0);
    m_moveDownAction->setEnabled(open && row >= 0 && row + 1 < m_model->rowCount());
    m_compareAction->setEnabled(open);
    m_printPreviewAction->setEnabled(open);
    m_printAction->setEnabled(open);
    m_savePdfAction->setEnabled(open);
    m_closeAction->setEnabled(m_shown);
}

bool ProgramEditorPage::eventFilter(QObject* watched, QEvent* event)
{
    // Undo and Redo in the note box and the dose fields go to the page's stack, not the text box's own.
    if (event->type() == QEvent::ShortcutOverride) {
        const auto* key = static_cast<QKeyEvent*>(event);
        if (key->matches(QKeySequence::Undo) || key->matches(QKeySequence::Redo)) {
            event->ignore();
            return true;
        }
        // Delete and Insert edit the text here; elsewhere on the page they remove and add exercises.
        if (key->matches(QKeySequence::Delete) || key->key() == Qt::Key_Insert) {
            event->accept();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void ProgramEditorPage::showEvent(QShowEvent* event)
{
    m_shown = true;
    updateActions();
    QWidget::showEvent(event);
}

void ProgramEditorPage::hideEvent(QHideEvent* event)
{
    m_shown = false;
    updateActions();
    QWidget::hideEvent(event);
}

void ProgramEditorPage::chooseExercise()
{
    if (m_clientId == 0) {
        return;
    }
    std::set<std::string> taken;
    for (const core::ProgramExercise& exercise : m_model->program().exercises) {
        taken.insert(exercise.exerciseId);
    }
    auto* picker = new ExercisePickerDialog(m_catalogue, taken, this);
    picker->setAttribute(Qt::WA_DeleteOnClose);
    connect(picker, &QDialog::accepted, this, [this, picker] {
        const std::string id = picker->selectedExerciseId();
        if (!id.empty()) {
            addExercise(id);
        }
        m_table->setFocus();
    });
    picker->open();
}

std::optional<core::ProgramComparison> ProgramEditorPage::comparison(QString* olderLabel, QString* newerLabel) const
{
    QString older;
    QString newer;
    std::optional<core::ProgramComparison> result;
    if (isModified()) {
        result = core::ProgramComparison::compare(m_loadedProgram, m_model->program());
        older = tr("version %1").arg(m_loaded.version);
        newer = tr("your unsaved edits");
    } else if (m_previousProgram) {
        result = core::ProgramComparison::compare(*m_previousProgram, m_loadedProgram);
        older = tr("version %1").arg(m_previousProgram->version);
        newer = tr("version %1").arg(m_loaded.version);
    }
    if (olderLabel != nullptr) {
        *olderLabel = older;
    }
    if (newerLabel != nullptr) {
        *newerLabel = newer;
    }
    return result;
}

void ProgramEditorPage::compareWithPrevious()
{
    QString older;
    QString newer;
    const std::optional<core::ProgramComparison> changes = comparison(&older, &newer);
    if (!changes) {
        MessageBox::information(
            this,
            tr("Nothing to compare"),
            tr("Version %1 is the first version of this program and has no edits yet.").arg(m_loaded.version));
        return;
    }
    auto* dialog = new ProgramComparisonDialog(*changes, m_catalogue, older, newer, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

QString ProgramEditorPage::handoutRefusal() const
{
    if (m_clientId == 0) {
        return tr("no program is open");
    }
    return toQString(LatestScreening::handoutRefusal(m_service, m_clientId, &m_engine));
}

HandoutDetails ProgramEditorPage::handoutDetails() const
{
    HandoutDetails details;
    details.clinicName = toUtf8(QSettings().value(QStringLiteral("clinic/name")).toString());
    details.clientName = toUtf8(m_clientName);
    if (const auto& user = m_service.currentUser()) {
        details.therapistName = user->displayName.empty() ? user->username : user->displayName;
    }
    details.date = toUtf8(QDate::currentDate().toString(Qt::ISODate));
    return details;
}

QString ProgramEditorPage::defaultPdfFileName() const
{
    QString directory = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (directory.isEmpty()) {
        directory = QDir::homePath();
    }
    QString name = tr("Handout %1 %2").arg(m_clientName, QDate::currentDate().toString(Qt::ISODate));
    // Characters file systems refuse become spaces.
    name.replace(QRegularExpression(QStringLiteral(R"([\\/:*?"<>|])")), QStringLiteral(" "));
    return QDir(directory).filePath(name.simplified() + QStringLiteral(".pdf"));
}

bool ProgramEditorPage::readyToPrint()
{
    if (m_clientId == 0) {
        return false;
    }
    QString refusal;
    try {
        refusal = handoutRefusal();
    } catch (const Error& error) {
        refusal = toQString(error.what());
    }
    if (!refusal.isEmpty()) {
        m_blockedLabel->setText(tr("Printing is blocked: %1").arg(refusal));
        m_blockedLabel->show();
        MessageBox::warning(this,
                            tr("Handout not printed"),
                            tr("The handout cannot be printed: %1.\nClear the red flag or finish the intake first "
                               "(exercises.md G1).")
                                .arg(refusal));
        return false;
    }
    m_blockedLabel->hide();
    if (isModified()) {
        const QMessageBox::StandardButton answer = MessageBox::question(
            this,
            tr("Save before printing"),
            tr("The handout prints a stored version. Save your edits as version %1 first?").arg(m_loaded.version + 1));
        return answer == QMessageBox::Yes && save();
    }
    return true;
}

QPrintPreviewDialog* ProgramEditorPage::printPreview()
{
    if (!readyToPrint()) {
        return nullptr;
    }
    auto* dialog = new QPrintPreviewDialog(&printer(), this);
    dialog->setObjectName(QStringLiteral("handoutPrintPreviewDialog"));
    dialog->setWindowTitle(tr("Print preview — handout for %1").arg(m_clientName));
    dialog->setAccessibleName(tr("Handout print preview"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QPrintPreviewDialog::paintRequested, this, &ProgramEditorPage::renderHandout);
    dialog->open();
    return dialog;
}

void ProgramEditorPage::print()
{
    if (!readyToPrint()) {
        return;
    }
    QPrintDialog dialog(&printer(), this);
    dialog.setObjectName(QStringLiteral("handoutPrintDialog"));
    dialog.setWindowTitle(tr("Print handout for %1").arg(m_clientName));
    if (dialog.exec() == QDialog::Accepted) {
        renderHandout(&printer());
    }
}

void ProgramEditorPage::saveAsPdf()
{
    if (!readyToPrint()) {
        return;
    }
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Save handout as PDF"), defaultPdfFileName(), tr("PDF documents (*.pdf)"));
    if (!path.isEmpty()) {
        writeCheckedPdf(path);
    }
}

bool ProgramEditorPage::writePdf(const QString& path)
{
    return readyToPrint() && writeCheckedPdf(path);
}

bool ProgramEditorPage::writeCheckedPdf(const QString& path)
{
    const HandoutPageSize size =
        printer().pageLayout().pageSize().id() == QPageSize::Letter ? HandoutPageSize::Letter : HandoutPageSize::A4;
    try {
        m_renderer.writePdf(m_loadedProgram, handoutDetails(), size, toUtf8(path));
    } catch (const Error& error) {
        MessageBox::critical(
            this, tr("Handout not saved"), tr("The PDF could not be written: %1").arg(toQString(error.what())));
        return false;
    }
    return true;
}

int ProgramEditorPage::renderHandout(QPrinter* printer)
{
    prepare(*printer);
    try {
        return m_renderer.paint(m_loadedProgram, handoutDetails(), *printer).pageCount;
    } catch (const Error& error) {
        MessageBox::critical(
            this, tr("Handout not printed"), tr("The handout could not be drawn: %1").arg(toQString(error.what())));
        return 0;
    }
}

} // namespace backscreen::app
