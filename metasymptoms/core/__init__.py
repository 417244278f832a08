"""The rule book and the reasoning over it: reading and validating rule files, the condition
language, finding kinds, answers, and the pure engine. Every other room imports from here;
nothing here imports from them."""
