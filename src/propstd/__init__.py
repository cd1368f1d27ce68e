"""propstd: exact, pure calculations for property-management service standards.

Inspection frequencies and the QPI indicators, findings and their second verification,
complaint escalation, repair time limits, working-time deadlines on China's official calendar,
and budgets split to the fen. Every input is a frozen value, every answer is a frozen value that
explains itself, and "now" is always an argument. Import what you need from its module:
`from propstd.money import Money`.
"""

__version__ = "0.1.0"
