#include "core/program/Program.h"

#include "core/common/Error.h"
#include "core/json/JsonReader.h"
#include "core/json/JsonWriter.h"

#include <gtest/gtest.h>

#include <functional>

using namespace backscreen;
using namespace backscreen::core;

namespace {

ProgramExercise exercise(const std::string& id)
{
    ProgramExercise item;
    item.exerciseId = id;
    item.dosage.holdSeconds = DosageRange::single(30);
    item.dosage.holds = DosageRange::single(1);
    item.reasons.push_back({"PROG-02", "LCS-T01 positive"});
    return item;
}

Program threeExercises()
{
    Program program;
    program.version = 3;
    program.rulesetId = "program";
    program.rulesetVersion = "1.0";
    program.catalogueVersion = "1.1";
    program.addExercise(exercise("EX-HF-01"));
    program.addExercise(exercise("EX-GL-01"));
    program.addExercise(exercise("EX-CO-01"));
    return program;
}

std::vector<std::string> order(const Program& program)
{
    std::vector<std::string> ids;
    for (const ProgramExercise& item : program.exercises) {
        ids.push_back(item.exerciseId);
    }
    return ids;
}

ErrorCode codeOf(const std::function<void()>& action)
{
    try {
        action();
    } catch (const Error& error) {
        return error.code();
    }
    return ErrorCode::JsonSyntax;
}

} // namespace

TEST(Program, AddInsertsAtPositionAndRefusesDuplicates)
{
    Program program = threeExercises();
    program.addExercise(exercise("EX-LM-03"), 1);
    EXPECT_EQ(order(program), (std::vector<std::string>{"EX-HF-01", "EX-LM-03", "EX-GL-01", "EX-CO-01"}));
    EXPECT_EQ(codeOf([&] { program.addExercise(exercise("EX-GL-01")); }), ErrorCode::ProgramEditRejected);
    EXPECT_EQ(program.exercises.size(), 4u);
}

TEST(Program, RemoveDropsOnlyThatExercise)
{
    Program program = threeExercises();
    program.removeExercise("EX-GL-01");
    EXPECT_EQ(order(program), (std::vector<std::string>{"EX-HF-01", "EX-CO-01"}));
    EXPECT_EQ(codeOf([&] { program.removeExercise("EX-GL-01"); }), ErrorCode::ProgramEditRejected);
}

TEST(Program, MoveReordersAndRejectsOutOfRange)
{
    Program program = threeExercises();
    program.moveExercise("EX-CO-01", 0);
    EXPECT_EQ(order(program), (std::vector<std::string>{"EX-CO-01", "EX-HF-01", "EX-GL-01"}));
    program.moveExercise("EX-CO-01", 2);
    EXPECT_EQ(order(program), (std::vector<std::string>{"EX-HF-01", "EX-GL-01", "EX-CO-01"}));
    EXPECT_EQ(codeOf([&] { program.moveExercise("EX-CO-01", 3); }), ErrorCode::ProgramEditRejected);
    EXPECT_EQ(order(program), (std::vector<std::string>{"EX-HF-01", "EX-GL-01", "EX-CO-01"}));
}

TEST(Program, SetDosageAndNoteChangeOneExercise)
{
    Program program = threeExercises();
    Dosage longer = program.exercises[1].dosage;
    longer.holdSeconds = DosageRange::single(60);
    program.setDosage("EX-GL-01", longer);
    program.setNote("EX-GL-01", "Keep the band on");
    EXPECT_EQ(program.exercises[1].dosage.holdSeconds, DosageRange::single(60));
    EXPECT_EQ(program.exercises[1].note, "Keep the band on");
    EXPECT_EQ(program.exercises[0].note, "");
    EXPECT_EQ(codeOf([&] { program.setNote("EX-XX-01", "x"); }), ErrorCode::ProgramEditRejected);
}

TEST(Program, NotesAndPrecautionsAreNotRepeated)
{
    Program program;
    program.addNote("Walk daily");
    program.addNote("Walk daily");
    program.addPrecaution("Stop if leg pain spreads");
    EXPECT_EQ(program.notes, std::vector<std::string>{"Walk daily"});
    EXPECT_EQ(program.precautions, std::vector<std::string>{"Stop if leg pain spreads"});
}

TEST(Program, JsonRoundTripIsLossless)
{
    Program program = threeExercises();
    program.exercises[0].nerveFriendly = true;
    program.exercises[0].note = "Ankle relaxed";
    program.exercises[2].reasons.push_back({"PROG-09", "general activation set"});
    program.notes = {"Avoid loaded bending"};
    program.precautions = {"Stop if leg pain spreads"};
    program.furtherAssessment = {"Needs further assessment: radicular"};
    std::string text = JsonWriter::write(program.toJson(), JsonWriter::Style::Pretty);
    JsonReadResult read = JsonReader::parse(text, "round-trip");
    ASSERT_TRUE(read.ok());
    Program back = Program::fromJson(*read.value, "round-trip");
    EXPECT_EQ(back, program);
    EXPECT_EQ(JsonWriter::write(back.toJson(), JsonWriter::Style::Pretty), text);
}

TEST(Program, FromJsonNamesPointerOfBadField)
{
    JsonValue json = threeExercises().toJson();
    std::string text = JsonWriter::write(json);
    std::string broken = text;
    broken.replace(broken.find("\"nerveFriendly\":false"), 21, "\"nerveFriendly\":\"no\"");
    try {
        Program::fromJson(*JsonReader::parse(broken, "p.json").value, "p.json");
        FAIL() << "expected an error";
    } catch (const Error& error) {
        EXPECT_EQ(error.code(), ErrorCode::ProgramInvalid);
        EXPECT_EQ(std::string(error.what()), "p.json: program at /exercises/0/nerveFriendly: wrong type");
    }
}

TEST(Program, FromJsonRejectsUnknownFieldAndOtherFormat)
{
    JsonValue unknown = *JsonReader::parse(R"({"formatVersion":1,"colour":"red"})", "x").value;
    EXPECT_EQ(codeOf([&] { Program::fromJson(unknown, "x"); }), ErrorCode::ProgramInvalid);
    JsonValue future = *JsonReader::parse(R"({"formatVersion":2})", "x").value;
    try {
        Program::fromJson(future, "x");
        FAIL() << "expected an error";
    } catch (const Error& error) {
        EXPECT_EQ(std::string(error.what()),
                  "x: program at /formatVersion: format version 2 is not supported; expected 1");
    }
}
