#pragma once
// What the quizzes module puts in "Việc cần làm" (platform/inbox): the online rounds open now to the principal's
// person (those of their unit and of every unit above it) that they have not attempted.
namespace ct05::quizzes {

//! Declares the source "quizzes.take" (Module::inbox).
void declare_inbox();

}  // namespace ct05::quizzes
