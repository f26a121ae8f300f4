#include "core/program/ProgramComparison.h"

#include <gtest/gtest.h>

using namespace backscreen::core;

namespace {

ProgramExercise exercise(const std::string& id)
{
    ProgramExercise item;
    item.exerciseId = id;
    item.dosage.holdSeconds = DosageRange::single(30);
    item.dosage.holds = DosageRange::single(1);
    return item;
}

Program version(int number, const std::vector<std::string>& ids)
{
    Program program;
    program.version = number;
    for (const std::string& id : ids) {
        program.exercises.push_back(exercise(id));
    }
    return program;
}

using Kind = ProgramChange::Kind;

} // namespace

TEST(ProgramComparison, IdenticalVersionsHaveNoChanges)
{
    const Program program = version(1, {"EX-HF-01", "EX-GL-01"});
    const ProgramComparison comparison = ProgramComparison::compare(program, program);
    EXPECT_TRUE(comparison.empty());
    EXPECT_TRUE(comparison.describe().empty());
    EXPECT_EQ(comparison.oldVersion, 1);
    EXPECT_EQ(comparison.newVersion, 1);
}

TEST(ProgramComparison, AddedAndRemovedExercisesDoNotCountAsMoves)
{
    const Program older = version(1, {"EX-HF-01", "EX-GL-01", "EX-CO-01"});
    const Program newer = version(2, {"EX-LM-03", "EX-HF-01", "EX-CO-01"});
    const ProgramComparison comparison = ProgramComparison::compare(older, newer);
    ASSERT_EQ(comparison.changes.size(), 2u);
    EXPECT_EQ(comparison.changes[0], (ProgramChange{Kind::Added, "EX-LM-03", 0, 1, "", ""}));
    EXPECT_EQ(comparison.changes[1], (ProgramChange{Kind::Removed, "EX-GL-01", 2, 0, "", ""}));
    EXPECT_EQ(comparison.describe(),
              (std::vector<std::string>{"EX-LM-03: added at position 1", "EX-GL-01: removed from position 2"}));
}

TEST(ProgramComparison, SwappedExercisesAreBothMoved)
{
    const Program older = version(1, {"EX-HF-01", "EX-GL-01", "EX-CO-01"});
    const Program newer = version(2, {"EX-GL-01", "EX-HF-01", "EX-CO-01"});
    const ProgramComparison comparison = ProgramComparison::compare(older, newer);
    ASSERT_EQ(comparison.changes.size(), 2u);
    EXPECT_EQ(comparison.changes[0], (ProgramChange{Kind::Moved, "EX-GL-01", 2, 1, "", ""}));
    EXPECT_EQ(comparison.changes[1], (ProgramChange{Kind::Moved, "EX-HF-01", 1, 2, "", ""}));
    EXPECT_EQ(comparison.describe()[0], "EX-GL-01: moved from position 2 to 1");
}

TEST(ProgramComparison, DosageAndNoteChangesGiveBothSides)
{
    const Program older = version(1, {"EX-HF-01", "EX-GL-01"});
    Program newer = version(2, {"EX-HF-01", "EX-GL-01"});
    newer.exercises[0].dosage.holdSeconds = DosageRange::single(45);
    newer.exercises[1].note = "Keep your ribs down";
    const ProgramComparison comparison = ProgramComparison::compare(older, newer);
    ASSERT_EQ(comparison.changes.size(), 2u);
    EXPECT_EQ(comparison.changes[0].kind, Kind::DosageChanged);
    EXPECT_EQ(comparison.changes[0].exerciseId, "EX-HF-01");
    EXPECT_EQ(comparison.changes[0].before, dosageInWords(older.exercises[0].dosage));
    EXPECT_EQ(comparison.changes[0].after, dosageInWords(newer.exercises[0].dosage));
    EXPECT_NE(comparison.changes[0].after.find("45 seconds"), std::string::npos) << comparison.changes[0].after;
    EXPECT_EQ(comparison.changes[1], (ProgramChange{Kind::NoteChanged, "EX-GL-01", 2, 2, "", "Keep your ribs down"}));
    EXPECT_EQ(comparison.describe()[1], "EX-GL-01: note changed from (none) to \"Keep your ribs down\"");
}

TEST(ProgramComparison, ProgramNotesAndPrecautionsAddedAndDropped)
{
    Program older = version(1, {"EX-HF-01"});
    older.notes = {"Walk daily", "Sit less"};
    older.precautions = {"Stop if the leg pain spreads"};
    Program newer = version(2, {"EX-HF-01"});
    newer.notes = {"Walk daily", "Use a lumbar roll"};
    const ProgramComparison comparison = ProgramComparison::compare(older, newer);
    EXPECT_TRUE(comparison.changes.empty());
    EXPECT_FALSE(comparison.empty());
    EXPECT_EQ(comparison.notesAdded, (std::vector<std::string>{"Use a lumbar roll"}));
    EXPECT_EQ(comparison.notesRemoved, (std::vector<std::string>{"Sit less"}));
    EXPECT_TRUE(comparison.precautionsAdded.empty());
    EXPECT_EQ(comparison.precautionsRemoved, (std::vector<std::string>{"Stop if the leg pain spreads"}));
    EXPECT_EQ(comparison.describe(),
              (std::vector<std::string>{"note added: \"Use a lumbar roll\"",
                                        "note removed: \"Sit less\"",
                                        "precaution removed: \"Stop if the leg pain spreads\""}));
}

TEST(ProgramComparison, KindNames)
{
    EXPECT_STREQ(programChangeKindName(Kind::Added), "added");
    EXPECT_STREQ(programChangeKindName(Kind::Removed), "removed");
    EXPECT_STREQ(programChangeKindName(Kind::Moved), "moved");
    EXPECT_STREQ(programChangeKindName(Kind::DosageChanged), "dosage");
    EXPECT_STREQ(programChangeKindName(Kind::NoteChanged), "note");
}
