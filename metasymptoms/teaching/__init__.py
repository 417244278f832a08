"""Teachers giving demonstrations: scenarios, their step-by-step replay, the class quiz, the
lesson page, the projector and the explorer."""
