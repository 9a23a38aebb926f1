"""The look: colours (palette), theme and presenter scale, hatching, language, accessibility and
engine messages in the user's language."""
