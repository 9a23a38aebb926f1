"""Training: the scheduler that runs the trainer in time-budgeted ticks, the training panel and
its controls, the loss plot and the decision-boundary view."""
