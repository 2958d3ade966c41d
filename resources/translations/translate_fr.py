# ruff: noqa: E501 - whole sentences stay on one line so they can be searched
"""Refresh the French catalogue: lupdate over ui/, fill every entry from FRENCH, lrelease.

    .venv/bin/python resources/translations/translate_fr.py

Strings are extracted from every module of ui/ (``self.tr``, ``translate(context, …)``).
``window.tr(…)`` calls in feature modules are extracted under the context "window" but run
under "MainWindow" (the class of the window): they are moved there. An entry with no French
text below makes the script fail, listing it — add it to FRENCH and run again.
"""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
TS = HERE / "postmortem_studio_fr.ts"
QM = TS.with_suffix(".qm")
BIN = Path(sys.executable).parent
ALIASES = {"window": "MainWindow", "self.window": "MainWindow"}

#: Words passed to ``self.tr`` through a variable (lupdate cannot see them): context → sources.
#: (The words of the closed vocabularies are not here: they come from ``app.vocabulary``.)
DYNAMIC: dict[str, tuple[str, ...]] = {
    "TrackerModel": ("Due", "Priority", "Status", "Owner", "Action", "Postmortem", "Kind"),
    "KpiGauge": ("on target", "above target"),
}

# fmt: off
FRENCH: dict[str, str] = {
    # -- the window, menus, home ---------------------------------------------------------------
    "Postmortem Studio": "Postmortem Studio",
    "&File": "&Fichier", "&Edit": "É&dition", "&View": "&Affichage", "&Postmortem": "&Postmortem",
    "&Meeting": "&Réunion", "&Help": "&Aide",
    "&New postmortem": "&Nouveau postmortem", "D&uplicate": "D&upliquer", "&Delete…": "&Supprimer…",
    "&Import…": "&Importer…", "Add the &demo postmortem": "Ajouter le postmortem de &démonstration",
    "Deleted &postmortems…": "&Postmortems supprimés…", "Pre&ferences…": "Pré&férences…",
    "&Quit": "&Quitter", "&History…": "&Historique…", "Take a &snapshot": "Prendre un &instantané",
    "&About Postmortem Studio": "À &propos de Postmortem Studio",
    "Report": "Rapport", "Select a postmortem to read it.": "Sélectionnez un postmortem pour le lire.",
    "&Tools": "&Outils", "&Check database…": "&Vérifier la base de données…",
    "Checking the database…": "Vérification de la base de données…",
    "Check database": "Vérifier la base de données", "No damage found in {0}.": "Aucun dommage trouvé dans {0}.",
    "The database {0} is damaged: restore a backup (files *.bak beside it).": "La base de données {0} est endommagée : restaurez une sauvegarde (fichiers *.bak à côté).",
    "Computing the figures…": "Calcul des indicateurs…", "{0}: {1} — {2} postmortems": "{0} : {1} — {2} postmortems",
    "&Undo {0}": "&Annuler : {0}", "&Undo": "&Annuler", "&Redo {0}": "&Rétablir : {0}", "&Redo": "&Rétablir",
    "not saved, retrying": "non enregistré, nouvelle tentative", "saved": "enregistré",
    "{0} — {1} — Postmortem Studio": "{0} — {1} — Postmortem Studio",
    "The open postmortem has edits that are not saved yet; they are retried.":
        "Le postmortem ouvert a des modifications pas encore enregistrées ; elles sont retentées.",
    "Not saved: {0} Retrying every few seconds.":
        "Non enregistré : {0} Nouvelle tentative toutes les quelques secondes.",
    "Reloaded": "Rechargé",
    "Changed elsewhere — reloaded.": "Modifié ailleurs — rechargé.",
    "Some edits could not be saved: {0}\nQuit anyway and lose them?":
        "Certaines modifications n'ont pas pu être enregistrées : {0}\nQuitter quand même et les perdre ?",
    "Import a postmortem": "Importer un postmortem",
    "Postmortem files (*.json)": "Fichiers postmortem (*.json)",
    "Cannot import {0}: {1}": "Impossible d'importer {0} : {1}",
    "Snapshot recorded in the history.": "Instantané enregistré dans l'historique.",
    "About Postmortem Studio": "À propos de Postmortem Studio",
    "Postmortem Studio — blameless incident postmortems, offline.":
        "Postmortem Studio — postmortems d'incident sans blâme, hors ligne.",
    "Welcome to Postmortem Studio": "Bienvenue dans Postmortem Studio",
    "Your database has no postmortem yet.\nOpen the demo — a payment-service outage — to see every section filled in.":
        "Votre base ne contient encore aucun postmortem.\nOuvrez la démonstration — une panne du payment-service — pour voir chaque section remplie.",
    "Open the demo postmortem": "Ouvrir le postmortem de démonstration",
    "Search all postmortems…": "Rechercher dans tous les postmortems…",
    "Any status": "Tous les statuts", "Any severity": "Toutes les sévérités",
    "Any service": "Tous les services", "Any tag": "Toutes les étiquettes",
    "Newest incident first": "Incident le plus récent d'abord",
    "Last edited first": "Dernière modification d'abord",
    "New": "Nouveau", "Duplicate": "Dupliquer", "Delete…": "Supprimer…", "Undo": "Annuler",
    "From": "Du", "to": "au", "Sort by": "Trier par",
    "Untitled postmortem": "Postmortem sans titre", "Copy of {0}": "Copie de {0}",
    "Delete postmortem": "Supprimer le postmortem",
    "Delete “{0}”? You can undo this or restore it later.":
        "Supprimer « {0} » ? Vous pourrez annuler ou le restaurer plus tard.",
    "Delete": "Supprimer", "Cancel": "Annuler", "Deleted “{0}”.": "« {0} » supprimé.",
    "Delete postmortem “{0}”": "Supprimer le postmortem « {0} »",
    "Deleted postmortems": "Postmortems supprimés", "No deleted postmortem.": "Aucun postmortem supprimé.",
    "Restore": "Restaurer", "Close": "Fermer", "(untitled)": "(sans titre)",
    "Title": "Titre", "Incident date": "Date de l'incident", "Severity": "Sévérité", "Status": "Statut",
    # -- history ---------------------------------------------------------------------------------
    "History": "Historique", "Take a snapshot now": "Prendre un instantané maintenant",
    "Restore this revision": "Restaurer cette révision", "Compare": "Comparer", "with": "avec",
    "{0} — {1} (revision {2})": "{0} — {1} (révision {2})", "Current version": "Version actuelle",
    "Restore revision of {0}": "Restaurer la révision du {0}",
    "No difference.": "Aucune différence.", "created": "création", "duplicated": "duplication",
    "snapshot on demand": "instantané à la demande", "status: {0} → {1}": "statut : {0} → {1}",
    "imported from {0}": "importé de {0}",
    # -- preferences -----------------------------------------------------------------------------
    "Preferences": "Préférences", "System language": "Langue du système", "English": "Anglais",
    "French": "Français", "Light": "Clair", "Dark": "Sombre",
    "High contrast (for sharing a screen)": "Contraste élevé (pour partager l'écran)",
    "One level per line: code | description": "Un niveau par ligne : code | description",
    "One step per line: title | minutes": "Une étape par ligne : titre | minutes",
    "Author name": "Nom de l'auteur", "Author title": "Fonction de l'auteur",
    "Interface language": "Langue de l'interface", "Theme": "Thème",
    "Severity scale\n(code | description)": "Échelle de sévérité\n(code | description)",
    "Ishikawa categories": "Catégories Ishikawa",
    "Meeting agenda": "Ordre du jour de la réunion",
    "Meeting agenda\n(title | minutes)": "Ordre du jour\n(titre | minutes)",
    "Report language": "Langue du rapport",
    # -- editor tabs and header ------------------------------------------------------------------
    "Header": "En-tête", "Summary and impact": "Résumé et impact", "Timeline": "Chronologie",
    "Analysis": "Analyse", "Actions": "Actions", "Lessons and communications": "Leçons et communications",
    "Annex truncated — {0} bytes, see the JSON export.": "Annexe tronquée — {0} octets, voir l'export JSON.",
    "Annexes": "Annexes", "Names, separated by commas": "Noms, séparés par des virgules",
    "Tags, separated by commas": "Étiquettes, séparées par des virgules",
    "Time zone": "Fuseau horaire", "Started at": "Début", "Detected at": "Détection",
    "Mitigated at": "Atténuation", "Resolved at": "Résolution", "Author": "Auteur",
    "Reviewers": "Relecteurs", "Postmortem date": "Date du postmortem", "Tags": "Étiquettes",
    "Role": "Rôle", "New participant": "Nouveau participant", "Service": "Service", "State": "État",
    "new-service": "nouveau-service", "Derived times": "Temps calculés", "People": "Personnes",
    "Affected services": "Services touchés", "Name": "Nom", "Attendance": "Présence",
    "Duration": "Durée", "Time to detect": "Temps de détection",
    "Time to acknowledge": "Temps de prise en charge", "Time to mitigate": "Temps d'atténuation",
    "Time to resolve": "Temps de résolution", "… and {0} more.": "… et {0} de plus.",
    "The incident is detected before it started.": "L'incident est détecté avant d'avoir commencé.",
    "The incident is mitigated before it started.": "L'incident est atténué avant d'avoir commencé.",
    "The incident is resolved before it started.": "L'incident est résolu avant d'avoir commencé.",
    "The incident is resolved before it is mitigated.": "L'incident est résolu avant d'être atténué.",
    "Timeline entry '{0}' is outside the incident window.":
        "L'entrée de chronologie « {0} » est hors de la fenêtre de l'incident.",
    # -- summary, timeline, analysis, actions, lessons, annexes ------------------------------
    "What happened, who was affected, how it was resolved (3–5 sentences).":
        "Ce qui s'est passé, qui a été touché, comment c'est résolu (3 à 5 phrases).",
    "Metric": "Mesure", "Value": "Valeur", "Target": "Cible", "Objective": "Objectif",
    "New metric": "Nouvelle mesure", "Summary": "Résumé", "Impact": "Impact",
    "Durations such as RTO or RPO show whether the target was met.":
        "Les durées comme le RTO ou le RPO indiquent si la cible est atteinte.",
    "Met": "Atteint", "The value is within the target.": "La valeur respecte la cible.",
    "Missed": "Manqué", "The value exceeds the target.": "La valeur dépasse la cible.",
    "Time": "Heure", "Event": "Événement", "Actor": "Acteur", "Marker": "Repère", "Notes": "Notes",
    "New event": "Nouvel événement", "Paste rows": "Coller des lignes",
    "Paste lines from a chat log or a Markdown table: each becomes a row.":
        "Collez des lignes d'une discussion ou d'un tableau Markdown : chacune devient une ligne.",
    "Put in time order": "Trier par heure",
    "No line of the pasted text starts with a time (e.g. 14:02 or [14:02]).":
        "Aucune ligne du texte collé ne commence par une heure (par ex. 14:02 ou [14:02]).",
    "Paste {0} timeline rows": "Coller {0} lignes de chronologie",
    "One item per line.": "Un élément par ligne.", "Contributing factors": "Facteurs contributifs",
    "What went well": "Ce qui a bien marché", "What went wrong": "Ce qui a mal marché",
    "Where we got lucky": "Où nous avons eu de la chance", "Root cause": "Cause racine",
    "The systemic cause, not a person: what made the failure possible?":
        "La cause systémique, pas une personne : qu'est-ce qui a rendu la panne possible ?",
    "Action": "Action", "Owner": "Responsable", "Due": "Échéance", "Priority": "Priorité",
    "Kind": "Type", "Horizon": "Horizon", "Ticket": "Ticket", "Linked causes": "Causes liées",
    "Status note": "Note de statut",
    "New action": "Nouvelle action", "Open ticket": "Ouvrir le ticket",
    "Overdue: the due date has passed.": "En retard : l'échéance est dépassée.",
    "This action's ticket is not a web address.": "Le ticket de cette action n'est pas une adresse web.",
    "⚠ {0} unfinished action(s) past their due date.": "⚠ {0} action(s) non terminée(s) en retard.",
    "Audience": "Public", "Lesson": "Leçon", "Channel": "Canal", "Sent at": "Envoyé à",
    "sent at": "envoyé à", "Message": "Message", "Lessons learned": "Leçons apprises",
    "Communications": "Communications", "New annex": "Nouvelle annexe",
    "Select an annex to edit its content.": "Sélectionnez une annexe pour modifier son contenu.",
    "Open link": "Ouvrir le lien", "Acknowledgements": "Remerciements",
    "Content of “{0}”": "Contenu de « {0} »",
    "This annex does not hold a web address.": "Cette annexe ne contient pas d'adresse web.",
    "Add": "Ajouter", "Move up": "Monter", "Move down": "Descendre",
    "{0} — locked": "{0} — verrouillé",
    # -- the diagram's context menu --------------------------------------------------------------
    "5 Whys diagram": "Diagramme des 5 Pourquoi", "Ishikawa diagram": "Diagramme d'Ishikawa",
    "Add a child": "Ajouter une case enfant", "Add a sibling": "Ajouter une case sœur",
    "Rename": "Renommer", "Edit the answer": "Modifier la réponse",
    "Root cause on/off": "Cause racine oui/non", "Delete with its sub-nodes": "Supprimer avec ses sous-cases",
    "Fit to view": "Ajuster à la vue", "Category set": "Jeu de catégories",
    "Incident (People, Process, Tools…)": "Incident (Personnes, Processus, Outils…)",
    "Incident, in French": "Incident, en français",
    "The 6M (Manpower, Method, Machine…)": "Les 6M (Main-d'œuvre, Méthode, Machine…)",
    "The 6M, in French": "Les 6M, en français",
    "(no corrective action yet)": "(aucune action corrective pour l'instant)",
    "Answer: because…": "Réponse : parce que…",
    "Type the text, Enter (Shift+Enter: new line)": "Tapez le texte, Entrée (Maj+Entrée : nouvelle ligne)",
    "OK": "OK",
    # -- field names the editor passes to the core's messages ---------------------------------
    "incident date": "date de l'incident",
    "start time": "heure de début", "detection time": "heure de détection",
    "mitigation time": "heure d'atténuation", "resolution time": "heure de résolution",
    "postmortem date": "date du postmortem",
    "time": "heure",
    "due date": "échéance",
    # -- the read-only report tab ----------------------------------------------------------------
    "Field": "Champ", "Participants": "Participants", "Root cause analysis": "Analyse des causes",
    "Problem:": "Problème :", "Effect:": "Effet :",
    # -- words other screens pass to tr() through a variable ------------------------------------
    "Postmortem": "Postmortem",
    "on target": "dans la cible", "above target": "au-dessus de la cible",
    "target < {0} · {1} incident(s)": "cible < {0} · {1} incident(s)",
    # -- meeting -------------------------------------------------------------------------------
    "Start the meeting": "Démarrer la réunion", "Step": "Étape", "Minutes": "Minutes",
    "Add a step": "Ajouter une étape", "New step": "Nouvelle étape", "Remove the step": "Retirer l'étape",
    "Save as template…": "Enregistrer comme modèle…", "Start": "Démarrer",
    "Total: {0} min": "Total : {0} min", "Save as template": "Enregistrer comme modèle",
    "Meeting controls — {0}": "Pilotage de la réunion — {0}", "◀ Previous": "◀ Précédent",
    "Next ▶": "Suivant ▶", "−1 min": "−1 min", "+1 min": "+1 min", "Rebalance": "Rééquilibrer",
    "End meeting": "Terminer la réunion",
    "Private notes for this step (not shown to the room)":
        "Notes privées pour cette étape (non montrées à la salle)",
    "Agenda (double-click to jump)": "Ordre du jour (double-clic pour y aller)",
    "Private notes": "Notes privées", "Quick capture": "Saisie rapide",
    "Later steps shortened: the meeting ends on time.":
        "Étapes suivantes raccourcies : la réunion finit à l'heure.",
    "Even at one minute per step, the meeting ends {0} late.":
        "Même à une minute par étape, la réunion finit avec {0} de retard.",
    "Not started": "Pas commencée", "Paused": "En pause", "Ended": "Terminée", "Running": "En cours",
    "Resume": "Reprendre", "Pause": "Pause", "What happened": "Ce qui s'est passé",
    "Who (optional)": "Qui (facultatif)", "Why …?": "Pourquoi … ?", "Because …": "Parce que …",
    "Why": "Pourquoi", "Answer": "Réponse", "Cause": "Cause", "Category": "Catégorie",
    "What we will change": "Ce que nous allons changer", "Owner (required)": "Responsable (obligatoire)",
    "Due date YYYY-MM-DD (required)": "Échéance AAAA-MM-JJ (obligatoire)",
    "A topic for later": "Un sujet pour plus tard", "Topic": "Sujet", "Parking lot": "Parking",
    "Added: {0}": "Ajouté : {0}", "Meeting in progress": "Réunion en cours",
    "A meeting of this postmortem is in progress. Resume it?":
        "Une réunion de ce postmortem est en cours. La reprendre ?",
    "Meeting controls": "Pilotage de la réunion",
    "Postmortem meeting — presenter view": "Réunion postmortem — vue présentateur",
    "Thank you — the meeting has ended.": "Merci — la réunion est terminée.",
    "Last step of the meeting": "Dernière étape de la réunion",
    "Next: {0} ({1:g} min)": "Ensuite : {0} ({1:g} min)", "Ground rules": "Règles du jeu",
    "No timeline entries yet.": "Pas encore d'entrée de chronologie.",
    "No actions yet.": "Pas encore d'action.",
    "Open actions from earlier postmortems": "Actions ouvertes des postmortems précédents",
    "No open actions elsewhere.": "Aucune action ouverte ailleurs.",
    "Nothing yet.": "Rien pour l'instant.",
    "Step {0} of {1}": "Étape {0} sur {1}", "  ·  +{0} over": "  ·  +{0} de dépassement",
    "Meeting {0} / {1}{2}": "Réunion {0} / {1}{2}", "Ready to start": "Prête à démarrer",
    "Wrapping up": "Conclusion", "Over time": "Temps dépassé", "Meeting ended": "Réunion terminée",
    "Start meeting…": "Démarrer la réunion…",
    # -- meeting: what guards it, the panel's news, the shared screen --------------------------
    "End meeting…": "Terminer la réunion…", "Take back the selected capture": "Annuler la saisie choisie",
    "Captured in this step": "Saisi pendant cette étape", "Start / pause / resume": "Démarrer / pause / reprendre",
    "Next step (on the last step: asks to end the meeting)":
        "Étape suivante (à la dernière étape : propose de terminer la réunion)",
    "Previous step": "Étape précédente", "Add one minute to this step": "Ajouter une minute à cette étape",
    "Take one minute off this step": "Retirer une minute à cette étape",
    "Rebalance: shrink later steps to end on time":
        "Rééquilibrer : raccourcir les étapes suivantes pour finir à l'heure",
    "Show the other diagram (5 Whys / Ishikawa)": "Montrer l'autre diagramme (5 Pourquoi / Ishikawa)",
    "Show the next Ishikawa category": "Montrer la catégorie Ishikawa suivante",
    "Presenter view full screen": "Vue présentateur en plein écran",
    "End the meeting (asks first)": "Terminer la réunion (avec confirmation)",
    "Show / hide this help": "Afficher / masquer cette aide",
    "Leave a text field / close this help / leave full screen":
        "Quitter un champ de texte / fermer cette aide / quitter le plein écran",
    "Jump to a step": "Aller à une étape", "Keyboard shortcuts": "Raccourcis clavier",
    "Single keys work whenever no text field has the focus.":
        "Les touches simples agissent dès qu'aucun champ de texte n'a le focus.",
    "The meeting is back, paused where it ended.": "La réunion est reprise, en pause là où elle s'était arrêtée.",
    "The meeting has ended; use “Resume meeting” to take the end back.":
        "La réunion est terminée ; « Reprendre la réunion » annule la fin.",
    "This is the last step. End the meeting now?": "C'est la dernière étape. Terminer la réunion maintenant ?",
    "End the meeting now, at step {0} of {1}?": "Terminer la réunion maintenant, à l'étape {0} sur {1} ?",
    "End the meeting": "Terminer la réunion",
    "You can resume it within 10 minutes.": "Vous pourrez la reprendre pendant 10 minutes.",
    "The meeting has ended. “Resume meeting” takes it back for 10 minutes.":
        "La réunion est terminée. « Reprendre la réunion » l'annule pendant 10 minutes.",
    "Step {0} of {1}: {2}": "Étape {0} sur {1} : {2}", "Resume meeting ({0} left)": "Reprendre la réunion (encore {0})",
    "Meeting ended after {0}.": "Réunion terminée après {0}.",
    "{0} left in this step": "{0} restantes pour cette étape", "{0} over in this step": "{0} de dépassement sur cette étape",
    "{0} left in the meeting": "{0} restantes pour la réunion", " (ends {0} late)": " (finit avec {0} de retard)",
    "Not started: Space starts the meeting.": "Pas commencée : Espace démarre la réunion.",
    "Paused.": "En pause.", "Time to wrap up this step.": "Il est temps de conclure cette étape.",
    "This step is over its time: move on (N) or add a minute (+).":
        "Cette étape dépasse son temps : passez à la suite (N) ou ajoutez une minute (+).",
    "The meeting has ended.": "La réunion est terminée.",
    "Attendance: {0} of {1} present": "Présence : {0} sur {1}", "Taken back: {0}": "Annulé : {0}",
    "timeline {0} {1}": "chronologie {0} {1}", "why: {0}": "pourquoi : {0}", "cause ({0}): {1}": "cause ({0}) : {1}",
    "action: {0} ({1})": "action : {0} ({1})", "parked: {0}": "au parking : {0}",
    "A meeting of “{0}” is open; end it (or close its controls) before starting another.":
        "Une réunion de « {0} » est ouverte ; terminez-la (ou fermez son pilotage) avant d'en commencer une autre.",
    "Back to the meeting": "Revenir à la réunion", "{0} left": "encore {0}", "{0} over": "{0} de dépassement",
    "Meeting ended — {0}": "Réunion terminée — {0}", "Meeting ready — {0}": "Réunion prête — {0}",
    "Meeting paused — step {0} of {1}, {2}": "Réunion en pause — étape {0} sur {1}, {2}",
    "Meeting running — step {0} of {1}, {2}": "Réunion en cours — étape {0} sur {1}, {2}",
    "+ {0} more questions": "+ {0} autres questions", "Next: {0} ({1} min)": "Ensuite : {0} ({1} min)",
    "↑ {0} earlier": "↑ {0} plus tôt", "+ {0} more": "+ {0} de plus",
    "Impact start": "Début de l'impact", "Detection": "Détection", "Mitigation": "Mitigation",
    "(no problem statement yet)": "(pas encore d'énoncé du problème)", "Problem: {0}": "Problème : {0}",
    "No why yet.": "Pas encore de pourquoi.", "   ★ root cause": "   ★ cause racine", "Effect: {0}": "Effet : {0}",
    "No cause in this category yet.": "Pas encore de cause dans cette catégorie.",
    "Quit Postmortem Studio": "Quitter Postmortem Studio", "Quit": "Quitter",
    "A meeting is running (step {0} of {1}). Quit anyway?\nThe meeting stays saved: Meeting ▸ Start meeting resumes it on this postmortem.":
        "Une réunion est en cours (étape {0} sur {1}). Quitter quand même ?\nLa réunion reste enregistrée : Réunion ▸ Démarrer la réunion la reprend sur ce postmortem.",
    # -- diagrams, import, metrics, tracker, sign-off -----------------------------------------
    "5 Whys": "5 Pourquoi", "Ishikawa": "Ishikawa",
    "Tab: add child · Enter: add sibling · F2: rename · {answer}R: root cause · Del: delete · arrows: move · drag a box onto another to move it · Ctrl+wheel / Ctrl+0: zoom / fit": "Tab : ajouter un enfant · Entrée : ajouter un frère · F2 : renommer · {answer}R : cause racine · Suppr : supprimer · flèches : déplacer · glisser une boîte sur une autre pour la déplacer · Ctrl+molette / Ctrl+0 : zoom / ajuster",
    "Shift+F2: answer · ": "Maj+F2 : réponse · ",
    "Open a postmortem first, then export its diagram.":
        "Ouvrez d'abord un postmortem, puis exportez son diagramme.",
    "Export the diagram": "Exporter le diagramme",
    "Export diagram as {0}…": "Exporter le diagramme en {0}…",
    "Import &Markdown…": "Importer du &Markdown…",
    "Import a Markdown postmortem": "Importer un postmortem Markdown",
    "Markdown files (*.md *.markdown)": "Fichiers Markdown (*.md *.markdown)",
    "Review the Markdown import": "Vérifier l'import Markdown",
    "<b>{0}</b><br>from {1}: {2} timeline rows, {3} actions, {4} narrative sections, {5} annexes":
        "<b>{0}</b><br>depuis {1} : {2} lignes de chronologie, {3} actions, {4} sections de récit, {5} annexes",
    "Text kept aside": "Texte mis de côté",
    "Nothing is lost: the text kept aside is shown here in full, to copy where it belongs; it is not printed in the postmortem.":
        "Rien n'est perdu : le texte mis de côté est affiché ici en entier, à recopier là où il doit aller ; il n'est pas imprimé dans le postmortem.",
    "Narrative": "Récit",
    "The account in the team's words: trigger, detection, response…":
        "Le récit dans les mots de l'équipe : déclencheur, détection, réponse…",
    "Part": "Partie", "New section": "Nouvelle section",
    "Select a section to edit its text.": "Sélectionnez une section pour modifier son texte.",
    "Text of “{0}”": "Texte de « {0} »",
    "Lead-up": "Prélude", "Trigger": "Déclencheur", "Fault": "Défaillance",
    "Response": "Réponse", "Recovery": "Rétablissement", "Resolution": "Résolution",
    "Assessment": "Bilan", "Background": "Contexte", "Investigation": "Investigation",
    "As written": "Tel qu'écrit",
    "Approximate: the source wrote “{0}”.": "Approximatif : la source indiquait « {0} ».",
    "Mapped ({0})": "Repris ({0})", "Kept aside ({0})": "Mis de côté ({0})",
    "Warnings ({0})": "Avertissements ({0})",
    "Create the postmortem": "Créer le postmortem", "(nothing)": "(rien)", "No data": "Aucune donnée",
    "Computing…": "Calcul en cours…",
    "Completed": "Terminées", "On time": "À l'heure", "Refresh": "Actualiser",
    "Corrective actions": "Actions correctives", "Overdue": "En retard",
    "Response times vs targets": "Temps de réponse et cibles",
    "Incident → postmortem": "Incident → postmortem", "Incidents by severity": "Incidents par sévérité",
    "Incidents by month": "Incidents par mois", "Recurrence": "Récurrence",
    "{0} postmortems · {1} actions · figures on {2}": "{0} postmortems · {1} actions · chiffres au {2}",
    "{0} of {1}": "{0} sur {1}", "{0} late": "{0} en retard",
    "{0} open, {1} not doing, {2} without a due date":
        "{0} ouvertes, {1} abandonnées, {2} sans échéance",
    "{0:.1f} d": "{0:.1f} j",
    "mean over {0} postmortem(s) with both dates": "moyenne sur {0} postmortem(s) ayant les deux dates",
    "; median {0:.1f} d": " ; médiane {0:.1f} j",
    "{0} of {1} postmortems share a cause with another one":
        "{0} postmortems sur {1} partagent une cause avec un autre",
    "Action &tracker": "Suivi des &actions", "Metrics &dashboard": "&Tableau de bord",
    "Action tracker — Postmortem Studio": "Suivi des actions — Postmortem Studio",
    "Metrics dashboard — Postmortem Studio": "Tableau de bord — Postmortem Studio",
    "Double-click to open this postmortem": "Double-cliquez pour ouvrir ce postmortem",
    "Owner…": "Responsable…", "Action or ticket…": "Action ou ticket…", "All statuses": "Tous les statuts",
    "Open": "Ouvertes", "All priorities": "Toutes les priorités", "All kinds": "Tous les types",
    "All postmortems": "Tous les postmortems", "Overdue only": "En retard seulement",
    "Open postmortem": "Ouvrir le postmortem", "Export CSV…": "Exporter en CSV…",
    "Export actions": "Exporter les actions", "CSV files (*.csv)": "Fichiers CSV (*.csv)",
    "Cannot export to {0}: {1}": "Impossible d'exporter vers {0} : {1}",
    "Sign-off": "Signatures", "Export report as PDF…": "Exporter le rapport en PDF…",
    "Sign off…": "Signer…", "Reopen approved report": "Rouvrir le rapport approuvé",
    "Sign off the report": "Signer le rapport",
    "Your sign-off approves the report exactly as it is now. Any later edit makes it stale and the report goes back to review.":
        "Votre signature approuve le rapport exactement tel qu'il est. Toute modification ultérieure la rend périmée et le rapport repart en relecture.",
    "Your full name": "Votre nom complet", "e.g. Head of SRE": "p. ex. Responsable SRE",
    "Sign off": "Signer", "Signed": "Signé", "Reopen as a new revision": "Rouvrir en nouvelle révision",
    "Export PDF…": "Exporter en PDF…", "Paper": "Papier",
    "Open a postmortem to see its sign-offs.": "Ouvrez un postmortem pour voir ses signatures.",
    "Status: {0} · revision {1}": "Statut : {0} · révision {1}",
    "{0} sign-off(s) STALE: the content changed after signing":
        "{0} signature(s) PÉRIMÉE(S) : le contenu a changé après la signature",
    "Export the report": "Exporter le rapport", "PDF (*.pdf)": "PDF (*.pdf)",
    "Sign the report": "Signer le rapport",
    "Passphrase of your signing key (created on first use):":
        "Phrase secrète de votre clé de signature (créée à la première utilisation) :",
    "Building {0}…": "Création de {0}…", "Saved {0}": "{0} enregistré", "Export failed.": "L'export a échoué.",
    # -- editor: outline, typed times, paste preview, cause links, parking lot, help -----------
    "Tab: add child · Enter: add sibling · F2: rename · {answer}R: root cause · Del: delete · arrows: nearest box · Alt+arrows: parent/child/sibling · drag a box onto another to move it · Ctrl+wheel / Ctrl+0: zoom / fit": "Tab : ajouter un enfant · Entrée : ajouter un frère · F2 : renommer · {answer}R : cause racine · Suppr : supprimer · flèches : case la plus proche · Alt+flèches : parent/enfant/frère · glisser une case sur une autre pour la déplacer · Ctrl+molette / Ctrl+0 : zoom / ajuster",
    "14:31, 2:31 PM or 2026-01-15 14:31": "14:31, 14h31 ou 2026-01-15 14:31",
    "Lessons": "Leçons",
    "Link causes…": "Lier des causes…",
    "Choose the whys and causes this action addresses (or double-click the cell).": "Choisir les pourquoi et les causes que cette action traite (ou double-cliquer la cellule).",
    "⚠ {0} deleted cause(s)": "⚠ {0} cause(s) supprimée(s)",
    "Select an action first, then link it to causes.": "Sélectionnez d'abord une action, puis liez-la à des causes.",
    "Causes addressed by this action": "Causes traitées par cette action",
    "“{0}” addresses:": "« {0} » traite :",
    "(no text)": "(sans texte)",
    "Type to find a why or a cause…": "Tapez pour trouver un pourquoi ou une cause…",
    "Marked as a root cause": "Marquée comme cause racine",
    "{0} linked cause(s) were deleted from the diagrams; OK removes them.": "{0} cause(s) liée(s) ont été supprimées des diagrammes ; OK retire ces liens.",
    "The diagrams have no why or cause yet: add them in 5 Whys or Ishikawa.": "Les diagrammes n'ont encore ni pourquoi ni cause : ajoutez-les dans 5 Pourquoi ou Ishikawa.",
    "&Keyboard shortcuts": "&Raccourcis clavier",
    "Getting started": "Premiers pas", "&Getting started": "&Premiers pas",
    "Postmortem &list": "&Liste des postmortems",
    "Root cause without a corrective action: {0}": "Cause racine sans action corrective : {0}",
    "{0} action(s) without an owner.": "{0} action(s) sans responsable.",
    "{0} action(s) without a due date.": "{0} action(s) sans échéance.",
    "No title yet.": "Pas encore de titre.",
    "No incident date: times typed alone (14:31) need it.": "Pas de date d'incident : les heures tapées seules (14:31) en ont besoin.",
    "No severity.": "Pas de sévérité.",
    "No event is marked (started, detected, resolved…): derived times are empty.": "Aucun événement n'est marqué (début, détection, résolution…) : les durées calculées sont vides.",
    "Sections": "Sections", "Nothing written yet.": "Rien d'écrit pour l'instant.", "Has content.": "A du contenu.",
    "Previous section": "Section précédente", "Next section": "Section suivante", "Section {0}": "Section {0}",
    "A question or topic to follow up after the meeting, one per line.": "Une question ou un sujet à suivre après la réunion, un par ligne.",
    "Parking lot / follow-ups": "Points en suspens / suivis",
    "Topics parked during the meeting appear here; they are printed in the report and exported with it. One topic per line.": "Les sujets mis de côté pendant la réunion apparaissent ici ; ils sont imprimés dans le rapport et exportés avec lui. Un sujet par ligne.",
    "Paste timeline rows": "Coller des lignes de chronologie",
    "Use suggested markers": "Utiliser les marqueurs suggérés",
    "Day of these times": "Jour de ces heures", "day": "jour",
    "Add {0} rows": "Ajouter {0} lignes",
    "Rows read from the pasted text: {0}.": "Lignes lues dans le texte collé : {0}.",
    "Lines without a time, added as notes of the row above: {0}.": "Lignes sans heure, ajoutées en notes de la ligne au-dessus : {0}.",
    "Lines that could not be read: {0}.": "Lignes illisibles : {0}.",
    "Check and correct them, then add them.": "Vérifiez-les et corrigez-les, puis ajoutez-les.",
    "These times have no date and the postmortem has no incident date: type the day they happened.": "Ces heures n'ont pas de date et le postmortem n'a pas de date d'incident : tapez le jour où elles ont eu lieu.",
    "Pick a date": "Choisir une date",
    "Why {0}: {1}": "Pourquoi {0} : {1}", "Ishikawa · {0}: {1}": "Ishikawa · {0} : {1}",
    "Table columns used: {0}.": "Colonnes du tableau utilisées : {0}.",
    "Suggested marker": "Marqueur suggéré",
    "An event cannot be empty.": "Un événement ne peut pas être vide.",
    "The clipboard holds no text to paste. Copy lines from a chat log or a table first (e.g. [14:02] alice: rollback started).": "Le presse-papiers ne contient aucun texte à coller. Copiez d'abord des lignes d'un chat ou un tableau (p. ex. [14:02] alice: rollback lancé).",
    "New postmortem": "Nouveau postmortem",
    "Undo / redo the last edit": "Annuler / rétablir la dernière modification",
    "Previous / next section": "Section précédente / suivante",
    "Go to section 1 … 9 of the outline": "Aller à la section 1 … 9 du plan",
    "Finish a field (it is saved at once)": "Terminer un champ (enregistré aussitôt)",
    "Finish a text of several lines": "Terminer un texte de plusieurs lignes",
    "In the timeline: paste chat lines or a table, with a preview": "Dans la chronologie : coller des lignes de chat ou un tableau, avec un aperçu",
    "Edit a table cell, or rename a box of a diagram": "Modifier une cellule, ou renommer une case d'un diagramme",
    "Empty an optional cell; delete a diagram box and its subtree": "Vider une cellule facultative ; supprimer une case de diagramme et ses descendantes",
    "In a diagram: add a child / a sibling box": "Dans un diagramme : ajouter une case enfant / sœur",
    "In a diagram: go to the nearest box in that direction": "Dans un diagramme : aller à la case la plus proche dans cette direction",
    "In a diagram: parent, first child, previous / next sibling": "Dans un diagramme : parent, premier enfant, sœur précédente / suivante",
    "In a diagram: mark or unmark a root cause": "Dans un diagramme : marquer ou démarquer une cause racine",
    "In a diagram: fit, zoom in / out": "Dans un diagramme : ajuster, zoomer / dézoomer",
    "Export the report as PDF": "Exporter le rapport en PDF",
    "History of the postmortem": "Historique du postmortem",
    "Create a postmortem (Ctrl+N). Nothing is kept until you type something.": "Créez un postmortem (Ctrl+N). Rien n'est gardé tant que vous n'avez rien tapé.",
    "Fill the header first: the incident date and time zone let you type times alone, such as 14:31 or 2:31 PM.": "Remplissez d'abord l'en-tête : la date et le fuseau de l'incident permettent de taper les heures seules, comme 14:31 ou 14h31.",
    "Build the timeline: paste lines from the incident chat (Ctrl+V), check the preview, then mark when it started, was detected, mitigated and resolved.": "Construisez la chronologie : collez des lignes du chat de l'incident (Ctrl+V), vérifiez l'aperçu, puis marquez le début, la détection, l'atténuation et la résolution.",
    "Find the causes with the 5 Whys and the Ishikawa diagram; mark root causes.": "Trouvez les causes avec les 5 Pourquoi et le diagramme d'Ishikawa ; marquez les causes racines.",
    "Add corrective actions with an owner and a due date (tomorrow, +3d, next friday…) and link each to the causes it addresses.": "Ajoutez des actions correctives avec un responsable et une échéance (demain, +3j, vendredi…) et liez chacune aux causes qu'elle traite.",
    "The outline on the left shows ✔ for sections with content and ⚠ for what needs attention. Every edit is saved at once and can be undone.": "Le plan à gauche montre ✔ pour les sections remplies et ⚠ pour ce qui demande attention. Chaque modification est enregistrée aussitôt et peut être annulée.",
    "When the review is done, sign it off and export the PDF report.": "Une fois la revue terminée, validez-la et exportez le rapport PDF.",
    "Your sign-off approves the report exactly as it is now, signed with your own key. Any later edit makes it stale and the report goes back to review.":
        "Votre signature, faite avec votre propre clé, approuve le rapport exactement tel qu'il est. Toute modification ultérieure la rend périmée et le rapport repart en relecture.",
    "Optional, written in a new certificate": "Facultatif, inscrit dans un nouveau certificat",
    "Your personal key (created on first use)": "Votre clé personnelle (créée à la première utilisation)",
    "Own PKCS#12…": "Mon PKCS#12…", "Passphrase again": "Phrase secrète (bis)", "E-mail": "E-mail",
    "Key": "Clé", "Passphrase": "Phrase secrète", "Your PKCS#12 file": "Votre fichier PKCS#12",
    "PKCS#12 (*.p12 *.pfx)": "PKCS#12 (*.p12 *.pfx)", "Type your name.": "Saisissez votre nom.",
    "A personal key will be created for you: choose a passphrase of at least {0} characters, and type it twice.":
        "Une clé personnelle va être créée pour vous : choisissez une phrase secrète d'au moins {0} caractères et saisissez-la deux fois.",
    "The two passphrases differ.": "Les deux phrases secrètes diffèrent.",
    "Type the passphrase of your key.": "Saisissez la phrase secrète de votre clé.",
    "Export for approval…": "Exporter pour approbation…",
    "The PDF with an empty signature field for each role still to sign":
        "Le PDF avec un champ de signature vide pour chaque rôle qui doit encore signer",
    "{0} sign-off(s) STALE or NOT VERIFIED: sign again":
        "{0} signature(s) PÉRIMÉE(S) ou NON VÉRIFIÉE(S) : signez à nouveau",
    "Collect signed PDF…": "Recueillir un PDF signé…", "Collect a signed PDF": "Recueillir un PDF signé",
    "Collected {0}: {1}": "{0} recueilli : {1}", "nothing new": "rien de nouveau",
    "Unknown signer": "Signataire inconnu",
    "Add this signer to the trust list for the role they signed, and collect?":
        "Ajouter ce signataire à la liste de confiance pour le rôle signé, et recueillir ?",
    "Certificate sha256:{0}": "Certificat sha256:{0}",
    "General": "Général", "Trusted signers": "Signataires de confiance",
    "Trust list: {0}": "Liste de confiance : {0}", "Signer": "Signataire",
    "Roles allowed": "Rôles autorisés", "Certificate (SHA-256)": "Certificat (SHA-256)",
    "Add certificate or signed PDF…": "Ajouter un certificat ou un PDF signé…", "Remove": "Retirer",
    "Roles: comma separated role names, or * for every role. A reviewed copy of this file can live in the team's repository (--trust or POSTMORTEM_STUDIO_TRUST).":
        "Rôles : noms de rôles séparés par des virgules, ou * pour tous. Une copie relue de ce fichier peut vivre dans le dépôt de l'équipe (--trust ou POSTMORTEM_STUDIO_TRUST).",
    " (certificate authority)": " (autorité de certification)",
    "A signer's certificate, or a PDF they signed": "Le certificat d'un signataire, ou un PDF qu'il a signé",
    "Certificates and PDFs (*.pem *.crt *.cer *.der *.pdf)": "Certificats et PDF (*.pem *.crt *.cer *.der *.pdf)",
}
# fmt: on

# Entries with a count (%n): singular, plural.
FRENCH_PLURALS: dict[str, tuple[str, str]] = {
    "Overdue by %n day(s)": ("En retard de %n jour", "En retard de %n jours"),
    "%n action(s)": ("%n action", "%n actions"),
    "%n overdue": ("%n en retard", "%n en retard"),
}


def run_lupdate() -> None:
    sources = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "ui").rglob("*.py"))
    subprocess.run(
        [str(BIN / "pyside6-lupdate"), *sources, "-no-obsolete", "-ts", str(TS.relative_to(ROOT))],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )


def merge_aliases(root: ET.Element) -> None:
    contexts = {c.findtext("name"): c for c in root.findall("context")}
    for alias, real in ALIASES.items():
        source = contexts.get(alias)
        if source is None:
            continue
        target = contexts.get(real)
        if target is None:
            source.find("name").text = real  # type: ignore[union-attr]
            contexts[real] = source
            continue
        known = {m.findtext("source") for m in target.findall("message")}
        for message in source.findall("message"):
            if message.findtext("source") not in known:
                target.append(message)
        root.remove(source)


def add_dynamic(root: ET.Element) -> None:
    contexts = {c.findtext("name"): c for c in root.findall("context")}
    for name, sources in DYNAMIC.items():
        context = contexts.get(name)
        if context is None:
            context = ET.SubElement(root, "context")
            ET.SubElement(context, "name").text = name
        known = {m.findtext("source") for m in context.findall("message")}
        for source in sources:
            if source not in known:
                message = ET.SubElement(context, "message")
                ET.SubElement(message, "source").text = source
                ET.SubElement(message, "translation")
                known.add(source)


def fill(root: ET.Element) -> list[str]:
    missing: list[str] = []
    for message in root.iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if translation is None:
            translation = ET.SubElement(message, "translation")
        translation.attrib.pop("type", None)
        if message.get("numerus") == "yes":
            forms = FRENCH_PLURALS.get(source)
            if forms is None:
                missing.append(source)
                continue
            translation.text = None
            for child in list(translation):
                translation.remove(child)
            for form in forms:
                ET.SubElement(translation, "numerusform").text = form
            continue
        if source not in FRENCH:
            missing.append(source)
            translation.set("type", "unfinished")
            continue
        translation.text = FRENCH[source]
    return missing


def main() -> int:
    run_lupdate()
    tree = ET.parse(TS)
    root = tree.getroot()
    merge_aliases(root)
    add_dynamic(root)
    missing = fill(root)
    ET.indent(tree)
    body = ET.tostring(root, encoding="unicode")
    TS.write_text(f'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n{body}\n', "utf-8")
    if missing:
        print(f"{len(missing)} entries have no French text:", file=sys.stderr)
        for source in dict.fromkeys(missing):
            print(f"    {source!r}", file=sys.stderr)
        return 1
    subprocess.run(
        [str(BIN / "pyside6-lrelease"), str(TS), "-qm", str(QM)], check=True, capture_output=True
    )
    print(f"{TS.name}: {sum(1 for _ in root.iter('message'))} entries, all translated → {QM.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
