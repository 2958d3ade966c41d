<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
  <context>
    <name>ActionsPage</name>
    <message>
      <location filename="../../ui/editor/actions.py" line="62" />
      <source>Action</source>
      <translation>Action</translation>
    </message>
    <message>
      <location filename="../../ui/editor/actions.py" line="63" />
      <source>Owner</source>
      <translation>Responsable</translation>
    </message>
    <message>
      <location filename="../../ui/editor/actions.py" line="66" />
      <source>Due</source>
      <translation>Échéance</translation>
    </message>
    <message>
      <location filename="../../ui/editor/actions.py" line="69" />
      <source>due date</source>
      <translation>échéance</translation>
    </message>
    <message>
      <location filename="../../ui/editor/actions.py" line="73" />
      <source>Priority</source>
      <translation>Priorité</translation>
    </message>
    <message>
      <location filename="../../ui/editor/actions.py" line="81" />
      <source>Status</source>
      <translation>Statut</translation>
    </message>
    <message>
      <location filename="../../ui/editor/actions.py" line="89" />
      <source>Kind</source>
      <translation>Type</translation>
    </message>
    <message>
      <location filename="../../ui/editor/actions.py" line="97" />
      <source>Horizon</source>
      <translation>Horizon</translation>
    </message>
    <message>
      <location filename="../../ui/editor/actions.py" line="103" />
      <source>Ticket</source>
      <translation>Ticket</translation>
    </message>
    <message>
      <location filename="../../ui/editor/actions.py" line="104" />
      <source>Status note</source>
      <translation>Note de statut</translation>
    </message>
    <message>
      <location filename="../../ui/editor/actions.py" line="107" />
      <source>Linked causes</source>
      <translation>Causes liées</translation>
    </message>
    <message>
      <location filename="../../ui/editor/actions.py" line="113" />
      <source>New action</source>
      <translation>Nouvelle action</translation>
    </message>
    <message>
      <location filename="../../ui/editor/actions.py" line="119" />
      <source>Open ticket</source>
      <translation>Ouvrir le ticket</translation>
    </message>
    <message>
      <location filename="../../ui/editor/actions.py" line="123" />
      <source>Link causes…</source>
      <translation>Lier des causes…</translation>
    </message>
    <message>
      <location filename="../../ui/editor/actions.py" line="126" />
      <source>Choose the whys and causes this action addresses (or double-click the cell).</source>
      <translation>Choisir les pourquoi et les causes que cette action traite (ou double-cliquer la cellule).</translation>
    </message>
    <message>
      <location filename="../../ui/editor/actions.py" line="151" />
      <source>⚠ {0} deleted cause(s)</source>
      <translation>⚠ {0} cause(s) supprimée(s)</translation>
    </message>
    <message>
      <location filename="../../ui/editor/actions.py" line="163" />
      <source>Select an action first, then link it to causes.</source>
      <translation>Sélectionnez d'abord une action, puis liez-la à des causes.</translation>
    </message>
    <message>
      <location filename="../../ui/editor/actions.py" line="186" />
      <source>Overdue: the due date has passed.</source>
      <translation>En retard : l'échéance est dépassée.</translation>
    </message>
    <message>
      <location filename="../../ui/editor/actions.py" line="196" />
      <source>This action's ticket is not a web address.</source>
      <translation>Le ticket de cette action n'est pas une adresse web.</translation>
    </message>
    <message>
      <location filename="../../ui/editor/actions.py" line="206" />
      <source>⚠ {0} unfinished action(s) past their due date.</source>
      <translation>⚠ {0} action(s) non terminée(s) en retard.</translation>
    </message>
  </context>
  <context>
    <name>AgendaDialog</name>
    <message>
      <location filename="../../ui/meeting/agenda_dialog.py" line="37" />
      <source>Start the meeting</source>
      <translation>Démarrer la réunion</translation>
    </message>
    <message>
      <location filename="../../ui/meeting/agenda_dialog.py" line="43" />
      <source>Step</source>
      <translation>Étape</translation>
    </message>
    <message>
      <location filename="../../ui/meeting/agenda_dialog.py" line="43" />
      <source>Minutes</source>
      <translation>Minutes</translation>
    </message>
    <message>
      <location filename="../../ui/meeting/agenda_dialog.py" line="50" />
      <source>Add a step</source>
      <translation>Ajouter une étape</translation>
    </message>
    <message>
      <location filename="../../ui/meeting/agenda_dialog.py" line="51" />
      <source>New step</source>
      <translation>Nouvelle étape</translation>
    </message>
    <message>
      <location filename="../../ui/meeting/agenda_dialog.py" line="52" />
      <source>Remove the step</source>
      <translation>Retirer l'étape</translation>
    </message>
    <message>
      <location filename="../../ui/meeting/agenda_dialog.py" line="54" />
      <source>Save as template…</source>
      <translation>Enregistrer comme modèle…</translation>
    </message>
    <message>
      <location filename="../../ui/meeting/agenda_dialog.py" line="60" />
      <source>Start</source>
      <translation>Démarrer</translation>
    </message>
    <message>
      <location filename="../../ui/meeting/agenda_dialog.py" line="110" />
      <source>Total: {0} min</source>
      <translation>Total : {0} min</translation>
    </message>
    <message>
      <location filename="../../ui/meeting/agenda_dialog.py" line="131" />
      <source>Save as template</source>
      <translation>Enregistrer comme modèle</translation>
    </message>
    <message>
      <location filename="../../ui/meeting/agenda_dialog.py" line="131" />
      <source>Name</source>
      <translation>Nom</translation>
    </message>
  </context>
  <context>
    <name>AnalysisPage</name>
    <message>
      <location filename="../../ui/editor/analysis.py" line="32" />
      <source>One item per line.</source>
      <translation>Un élément par ligne.</translation>
    </message>
    <message>
      <location filename="../../ui/editor/analysis.py" line="35" />
      <source>Contributing factors</source>
      <translation>Facteurs contributifs</translation>
    </message>
    <message>
      <location filename="../../ui/editor/analysis.py" line="37" />
      <source>What went well</source>
      <translation>Ce qui a bien marché</translation>
    </message>
    <message>
      <location filename="../../ui/editor/analysis.py" line="38" />
      <source>What went wrong</source>
      <translation>Ce qui a mal marché</translation>
    </message>
    <message>
      <location filename="../../ui/editor/analysis.py" line="39" />
      <source>Where we got lucky</source>
      <translation>Où nous avons eu de la chance</translation>
    </message>
    <message>
      <location filename="../../ui/editor/analysis.py" line="43" />
      <source>Root cause</source>
      <translation>Cause racine</translation>
    </message>
    <message>
      <location filename="../../ui/editor/analysis.py" line="45" />
      <source>The systemic cause, not a person: what made the failure possible?</source>
      <translation>La cause systémique, pas une personne : qu'est-ce qui a rendu la panne possible ?</translation>
    </message>
  </context>
  <context>
    <name>AnnexesPage</name>
    <message>
      <location filename="../../ui/editor/annexes.py" line="28" />
      <source>Title</source>
      <translation>Titre</translation>
    </message>
    <message>
      <location filename="../../ui/editor/annexes.py" line="29" />
      <source>Kind</source>
      <translation>Type</translation>
    </message>
    <message>
      <location filename="../../ui/editor/annexes.py" line="31" />
      <source>New annex</source>
      <translation>Nouvelle annexe</translation>
    </message>
    <message>
      <location filename="../../ui/editor/annexes.py" line="38" />
      <source>Select an annex to edit its content.</source>
      <translation>Sélectionnez une annexe pour modifier son contenu.</translation>
    </message>
    <message>
      <location filename="../../ui/editor/annexes.py" line="45" />
      <source>Open link</source>
      <translation>Ouvrir le lien</translation>
    </message>
    <message>
      <location filename="../../ui/editor/annexes.py" line="55" />
      <source>Annexes</source>
      <translation>Annexes</translation>
    </message>
    <message>
      <location filename="../../ui/editor/annexes.py" line="59" />
      <source>Acknowledgements</source>
      <translation>Remerciements</translation>
    </message>
    <message>
      <location filename="../../ui/editor/annexes.py" line="39" />
      <source>Content of “{0}”</source>
      <translation>Contenu de « {0} »</translation>
    </message>
    <message>
      <location filename="../../ui/editor/annexes.py" line="73" />
      <source>This annex does not hold a web address.</source>
      <translation>Cette annexe ne contient pas d'adresse web.</translation>
    </message>
  </context>
  <context>
    <name>BarChart</name>
    <message>
      <location filename="../../ui/dashboard.py" line="83" />
      <source>No data</source>
      <translation>Aucune donnée</translation>
    </message>
    <message>
      <location filename="../../ui/dashboard.py" line="83" />
      <source>Computing…</source>
      <extracomment>recurrence groups listed when there are too many links to list them all the first figures are still being computed: say so rather than "No data"</extracomment>
      <translation>Calcul en cours…</translation>
    </message>
  </context>
  <context>
    <name>ControlPanel</name>
    <message>
      <location filename="../../ui/meeting/control_panel.py" line="91" />
      <source>Meeting controls — {0}</source>
      <extracomment>the controls were closed (the meeting stays saved)</extracomment>
      <translation>Pilotage de la réunion — {0}</translation>
    </message>
    <message>
      <location filename="../../ui/meeting/control_panel.py" line="126" />
      <location filename="../../ui/meeting/control_panel.py" line="402" />
      <source>Start</source>
      <translation>Démarrer</translation>
    </message>
    <message>
      <location filename="../../ui/meeting/control_panel.py" line="127" />
      <source>◀ Previous</source>
      <translation>◀ Précédent</translation>
    </message>
    <message>
      <location filename="../../ui/meeting/control_panel.py" line="128" />
      <source>Next ▶</source>
      <translation>Suivant ▶</translation>
    </message>
    <message>
      <location filename="../../ui/meeting/control_panel.py" line="129" />
      <source>−1 min</source>
      <translation>−1 min</translation>
    </message>
    <message>
      <location filename="../../ui/meeting/control_panel.py" line="130" />
      <source>+1 min</source>
      <translation>+1 min</translation>
    </message>
    <message>
      <location filename="../../ui/meeting/control_panel.py" line="131" />
      <source>Rebalance</source>
      <translation>Rééquilibrer</translation>
    </message>
    <message>
      <location filename="../../ui/meeting/control_panel.py" line="143" />
      <source>Private notes for this step (not shown to the room)</source>
      <translation>Notes privées pour cette étape (non montrées à la salle)</translation>
    </message>
    <message>
      <location filename="../../ui/meeting/control_panel.py" line="165" />
      <source>Agenda (double-click to jump)</source>
      <translation>Ordre du jour (double-clic pour y aller)</translation>
    </message>
    <message>
      <location filename="../../ui/meeting/control_panel.py" line="174" />
      <source>Private notes</source>
      <translation>Notes privées</translation>
    </message>
    <message>
      <location filename="../../ui/meeting/control_panel.py" line="176" />
      <source>Quick capture</source>
      <translation>Saisie rapide</translation>
    </message>
    <message>
      <location filename="../../ui/meeting/control_panel.py" line="321" />
      <source>Later steps shortened: the meeting ends on time.</source>
      <translation>Étapes suivantes raccourcies : la réunion finit à l'heure.</translation>
    </message>
    <message>
      <location filename="../../ui/meeting/control_panel.py" line="315" />
      <source>Even at one minute per step, the meeting ends {0} late.</source>
      <translation>Même à une minute par étape, la réunion finit avec {0} de retard.</translation>
    </message>
    <message>
      <location filename="../../ui/meeting/control_panel.py" line="132" />
      <source>End meeting…</source>
      <translation>Terminer la réunion…</translation>
    </message>
    <message>
      <location filename="../../ui/meeting/control_panel.py" line="157" />
      <source>Take back the selected capture</source>
      <translation>Annuler la saisie choisie</translation>
    </message>
    <message>
      <location filename="../../ui/meeting/control_panel.py" line="170" />
      <source>Captured in this step</source>
      <translation>Saisi pendant cette étape</translation>
    </message>
    <message>
      <location filename="../../ui/meeting/control_panel.py" line="250" />
      <source>Start / pause / resume</source>
      <translation>Démarrer / pause / reprendre</translation>
    </message>
    <message>
      <location filename="../../ui/meeting/control_panel.py" line="251" />
      <source>Next step (on the last step: asks to end the meeting)</source>
      <translation>Étape suivante (à la dernière étape : propose de terminer la réunion)</translation>
    </message>
    <message>
      <location filename="../../ui/meeting/control_panel.py" line="252" />
      <source>Previous step</source>
      <translation>Étape précédente</translation>
    </message>
    <message>
      <location filename="../../ui/meeting/control_panel.py" line="253" />
      <source>Add one minute to this step</source>
      <translation>Ajouter une minute à cette étape</translation>
    </message>
    <message>
      <location filename="../../ui/meeting/control_panel.py" line="254" />
      <source>Take one minute off this step</source>
      <translation>Retirer une minute à cette étape</translation>
    </message>
    <message>
      <location filename="../../ui/meeting/control_panel.py" line="255" />
      <source>Rebalance: shrink later steps to end on time</source>
      <translation>Rééquilibrer : raccourcir les étapes suivantes pour finir à l'heure</translation>
    </message>
    <message>
      <location filename="../../ui/meeting/control_panel.py" line="256" />
      <source>Show the other diagram (5 Whys / Ishikawa)</source>
      <translation>Montrer l'autre diagramme (5 Pourquoi / Ishikawa)</translation>
    </message>
    <message>
      <location filename="../../ui/meeting/control_panel.py" line="257" />
      <source>Show the next Ishikawa category</source>
      <translation>Montrer la catégorie Ishikawa suivante</translation>
    </message>
    <message>
      <location filename="../../ui/meeting/control_panel.py" line="258" />
      <source>Presenter view full screen</source>
      <translation>Vue présentateur en plein écran</translation>
    </message>
    <message>
      <location filename="../../ui/meeting/control_panel.py" line="259" />
      <source>End the meeting (asks first)</source>
      <translation>Terminer la réunion (avec confirmation)</translation>
    </message>
    <message>
      <location filename="../../ui/meeting/control_panel.py" line="260" />
      <source>Show / hide this help</source>
      <translation>Afficher / masquer cette aide</translation>
    </message>
    <message>
      <location filename="../../ui/meeting/control_panel.py" line="261" />
      <source>Leave a text field / close this help / leave full screen</source>
      <translation>Quitter un champ de texte / fermer cette aide / quitter le plein écran</translation>
    </message>
    <message>
      <location filename="../../ui/meeting/control_panel.py" line="262" />
      <source>Jump to a step</source>
      <translation>Aller à une étape</translation>
    </message>
    <message>
      <location filename="../../ui/meeting/control_panel.py" line="267" />
      <source>Keyboard shortcuts</source>
      <translation>Raccourcis clavier</translation>
    </message>
    <message>
      <location filename="../../ui/meeting/control_panel.py" line="268" />
      <source>Single keys work whenever no text field has the focus.</source>
      <translation>Les touches simples agissent dès qu'aucun champ de texte n'a le focus.</translation>
    </message>
    <message>
      <location filename="../../ui/meeting/control_panel.py" line="337" />
      <source>The meeting is back, paused where it ended.</source>
      <translation>La réunion est reprise, en pause là où elle s'était arrêtée.</translation>
    </message>
    <message>
      <location filename="../../ui/meeting/control_panel.py" line="340" />
      <source>The meeting has ended; use “Resume meeting” to take the end back.</source>
      <translation>La réunion est terminée ; « Reprendre la réunion » annule la fin.</translation>
    </message>
    <message>
      <location filename="../../ui/meeting/control_panel.py" line="354" />
      <source>This is the last step. End the meeting now?</source>
      <translation>C'est la dernière étape. Terminer la réunion maintenant ?</translation>
    </message>
    <message>
      <location filename="../../ui/meeting/control_panel.py" line="356" />
      <source>End the meeting now, at step {0} of {1}?</source>
      <translation>Terminer la réunion maintenant, à l'étape {0} sur {1} ?</translation>
    </message>
    <message>
      <location filename="../../ui/meeting/control_panel.py" line="362" />
      <location filename="../../ui/meeting/control_panel.py" line="364" />
      <source>End the meeting</source>
      <translation>Terminer la réunion</translation>
    </message>
    <message>
      <location filename="../../ui/meeting/control_panel.py" line="363" />
      <source>You can resume it within 10 minutes.</source>
      <translation>Vous pourrez la reprendre pendant 10 minutes.</translation>
    </message>
    <message>
      <location filename="../../ui/meeting/control_panel.py" line="376" />
      <source>The meeting has ended. “Resume meeting” takes it back for 10 minutes.</source>
      <translation>La réunion est terminée. « Reprendre la réunion » l'annule pendant 10 minutes.</translation>
    </message>
    <message>
      <location filename="../../ui/meeting/control_panel.py" line="393" />
      <source>Step {0} of {1}: {2}</source>
      <translation>Étape {0} sur {1} : {2}</translation>
    </message>
    <message>
      <location filename="../../ui/meeting/control_panel.py" line="400" />
      <source>Resume meeting ({0} left)</source>
      <translation>Reprendre la réunion (encore {0})</translation>
    </message>
    <message>
      <location filename="../../ui/meeting/control_panel.py" line="404" />
      <source>Resume</source>
      <translation>Reprendre</translation>
    </message>
    <message>
      <location filename="../../ui/meeting/control_panel.py" line="406" />
      <source>Pause</source>
      <translation>Pause</translation>
    </message>
    <message>
      <location filename="../../ui/meeting/control_panel.py" line="422" />
      <source>Meeting ended after {0}.</source>
      <translation>Réunion terminée après {0}.</translation>
    </message>
    <message>
      <location filename="../../ui/meeting/control_panel.py" line="427" />
      <source>{0} left in this step</source>
      <translation>{0} restantes pour cette étape</translation>
    </message>
    <message>
      <location filename="../../ui/meeting/control_panel.py" line="429" />
      <source>{0} over in this step</source>
      <translation>{0} de dépassement sur cette étape</translation>
    </message>
    <message>
      <location filename="../../ui/meeting/control_panel.py" line="433" />
      <source>{0} left in the meeting</source>
      <translation>{0} restantes pour la réunion</translation>
    </message>
    <message>
      <location filename="../../ui/meeting/control_panel.py" line="435" />
      <source> (ends {0} late)</source>
      <translation> (finit avec {0} de retard)</translation>
    </message>
    <message>
      <location filename="../../ui/meeting/control_panel.py" line="440" />
      <source>Not started: Space starts the meeting.</source>
      <translation>Pas commencée : Espace démarre la réunion.</translation>
    </message>
    <message>
      <location filename="../../ui/meeting/control_panel.py" line="441" />
      <source>Paused.</source>
      <translation>En pause.</translation>
    </message>
    <message>
      <location filename="../../ui/meeting/control_panel.py" line="442" />
      <source>Time to wrap up this step.</source>
      <translation>Il est temps de conclure cette étape.</translation>
    </message>
    <message>
      <location filename="../../ui/meeting/control_panel.py" line="443" />
      <source>This step is over its time: move on (N) or add a minute (+).</source>
      <translation>Cette étape dépasse son temps : passez à la suite (N) ou ajoutez une minute (+).</translation>
    </message>
    <message>
      <location filename="../../ui/meeting/control_panel.py" line="444" />
      <source>The meeting has ended.</source>
      <translation>La réunion est terminée.</translation>
    </message>
    <message>
      <location filename="../../ui/meeting/control_panel.py" line="539" />
      <source>Attendance: {0} of {1} present</source>
      <translation>Présence : {0} sur {1}</translation>
    </message>
    <message>
      <location filename="../../ui/meeting/control_panel.py" line="569" />
      <source>Add</source>
      <translation>Ajouter</translation>
    </message>
    <message>
      <location filename="../../ui/meeting/control_panel.py" line="579" />
      <source>What happened</source>
      <translation>Ce qui s'est passé</translation>
    </message>
    <message>
      <location filename="../../ui/meeting/control_panel.py" line="580" />
      <source>Who (optional)</source>
      <translation>Qui (facultatif)</translation>
    </message>
    <message>
      <location filename="../../ui/meeting/control_panel.py" line="584" />
      <source>Time</source>
      <translation>Heure</translation>
    </message>
    <message>
      <location filename="../../ui/meeting/control_panel.py" line="585" />
      <source>Event</source>
      <translation>Événement</translation>
    </message>
    <message>
      <location filename="../../ui/meeting/control_panel.py" line="586" />
      <source>Actor</source>
      <translation>Acteur</translation>
    </message>
    <message>
      <location filename="../../ui/meeting/control_panel.py" line="591" />
      <source>Timeline</source>
      <translation>Chronologie</translation>
    </message>
    <message>
      <location filename="../../ui/meeting/control_panel.py" line="593" />
      <source>Why …?</source>
      <translation>Pourquoi … ?</translation>
    </message>
    <message>
      <location filename="../../ui/meeting/control_panel.py" line="594" />
      <source>Because …</source>
      <translation>Parce que …</translation>
    </message>
    <message>
      <location filename="../../ui/meeting/control_panel.py" line="597" />
      <location filename="../../ui/meeting/control_panel.py" line="601" />
      <source>Why</source>
      <translation>Pourquoi</translation>
    </message>
    <message>
      <location filename="../../ui/meeting/control_panel.py" line="597" />
      <source>Answer</source>
      <translation>Réponse</translation>
    </message>
    <message>
      <location filename="../../ui/meeting/control_panel.py" line="605" />
      <location filename="../../ui/meeting/control_panel.py" line="608" />
      <location filename="../../ui/meeting/control_panel.py" line="612" />
      <source>Cause</source>
      <translation>Cause</translation>
    </message>
    <message>
      <location filename="../../ui/meeting/control_panel.py" line="608" />
      <source>Category</source>
      <translation>Catégorie</translation>
    </message>
    <message>
      <location filename="../../ui/meeting/control_panel.py" line="614" />
      <source>What we will change</source>
      <translation>Ce que nous allons changer</translation>
    </message>
    <message>
      <location filename="../../ui/meeting/control_panel.py" line="615" />
      <source>Owner (required)</source>
      <translation>Responsable (obligatoire)</translation>
    </message>
    <message>
      <location filename="../../ui/meeting/control_panel.py" line="616" />
      <source>Due date YYYY-MM-DD (required)</source>
      <translation>Échéance AAAA-MM-JJ (obligatoire)</translation>
    </message>
    <message>
      <location filename="../../ui/meeting/control_panel.py" line="624" />
      <location filename="../../ui/meeting/control_panel.py" line="632" />
      <source>Action</source>
      <translation>Action</translation>
    </message>
    <message>
      <location filename="../../ui/meeting/control_panel.py" line="625" />
      <source>Owner</source>
      <translation>Responsable</translation>
    </message>
    <message>
      <location filename="../../ui/meeting/control_panel.py" line="626" />
      <source>Due</source>
      <translation>Échéance</translation>
    </message>
    <message>
      <location filename="../../ui/meeting/control_panel.py" line="627" />
      <source>Priority</source>
      <translation>Priorité</translation>
    </message>
    <message>
      <location filename="../../ui/meeting/control_panel.py" line="634" />
      <source>A topic for later</source>
      <translation>Un sujet pour plus tard</translation>
    </message>
    <message>
      <location filename="../../ui/meeting/control_panel.py" line="636" />
      <source>Topic</source>
      <translation>Sujet</translation>
    </message>
    <message>
      <location filename="../../ui/meeting/control_panel.py" line="637" />
      <source>Parking lot</source>
      <translation>Parking</translation>
    </message>
    <message>
      <location filename="../../ui/meeting/control_panel.py" line="670" />
      <source>Added: {0}</source>
      <translation>Ajouté : {0}</translation>
    </message>
    <message>
      <location filename="../../ui/meeting/control_panel.py" line="700" />
      <source>Taken back: {0}</source>
      <translation>Annulé : {0}</translation>
    </message>
    <message>
      <location filename="../../ui/meeting/control_panel.py" line="708" />
      <source>timeline {0} {1}</source>
      <translation>chronologie {0} {1}</translation>
    </message>
    <message>
      <location filename="../../ui/meeting/control_panel.py" line="717" />
      <source>why: {0}</source>
      <translation>pourquoi : {0}</translation>
    </message>
    <message>
      <location filename="../../ui/meeting/control_panel.py" line="724" />
      <source>cause ({0}): {1}</source>
      <translation>cause ({0}) : {1}</translation>
    </message>
    <message>
      <location filename="../../ui/meeting/control_panel.py" line="739" />
      <source>action: {0} ({1})</source>
      <translation>action : {0} ({1})</translation>
    </message>
    <message>
      <location filename="../../ui/meeting/control_panel.py" line="748" />
      <source>parked: {0}</source>
      <translation>au parking : {0}</translation>
    </message>
  </context>
  <context>
    <name>DashboardWidget</name>
    <message>
      <location filename="../../ui/dashboard.py" line="345" />
      <source>Completed</source>
      <extracomment>documents edited while the figures were being computed: applied when they arrive</extracomment>
      <translation>Terminées</translation>
    </message>
    <message>
      <location filename="../../ui/dashboard.py" line="347" />
      <source>On time</source>
      <translation>À l'heure</translation>
    </message>
    <message>
      <location filename="../../ui/dashboard.py" line="367" />
      <source>Refresh</source>
      <translation>Actualiser</translation>
    </message>
    <message>
      <location filename="../../ui/dashboard.py" line="372" />
      <source>Corrective actions</source>
      <translation>Actions correctives</translation>
    </message>
    <message>
      <location filename="../../ui/dashboard.py" line="379" />
      <source>Overdue</source>
      <translation>En retard</translation>
    </message>
    <message>
      <location filename="../../ui/dashboard.py" line="387" />
      <source>Response times vs targets</source>
      <translation>Temps de réponse et cibles</translation>
    </message>
    <message>
      <location filename="../../ui/dashboard.py" line="392" />
      <source>Incident → postmortem</source>
      <translation>Incident → postmortem</translation>
    </message>
    <message>
      <location filename="../../ui/dashboard.py" line="397" />
      <source>Incidents by severity</source>
      <translation>Incidents par sévérité</translation>
    </message>
    <message>
      <location filename="../../ui/dashboard.py" line="399" />
      <source>Incidents by month</source>
      <translation>Incidents par mois</translation>
    </message>
    <message>
      <location filename="../../ui/dashboard.py" line="402" />
      <source>Recurrence</source>
      <translation>Récurrence</translation>
    </message>
    <message>
      <location filename="../../ui/dashboard.py" line="443" />
      <source>Computing the figures…</source>
      <translation>Calcul des indicateurs…</translation>
    </message>
    <message>
      <location filename="../../ui/dashboard.py" line="493" />
      <source>{0} postmortems · {1} actions · figures on {2}</source>
      <translation>{0} postmortems · {1} actions · chiffres au {2}</translation>
    </message>
    <message>
      <location filename="../../ui/dashboard.py" line="499" />
      <source>{0} of {1}</source>
      <translation>{0} sur {1}</translation>
    </message>
    <message>
      <location filename="../../ui/dashboard.py" line="502" />
      <source>{0} late</source>
      <translation>{0} en retard</translation>
    </message>
    <message>
      <location filename="../../ui/dashboard.py" line="509" />
      <source>{0} open, {1} not doing, {2} without a due date</source>
      <translation>{0} ouvertes, {1} abandonnées, {2} sans échéance</translation>
    </message>
    <message>
      <location filename="../../ui/dashboard.py" line="516" />
      <source>{0:.1f} d</source>
      <translation>{0:.1f} j</translation>
    </message>
    <message>
      <location filename="../../ui/dashboard.py" line="519" />
      <source>mean over {0} postmortem(s) with both dates</source>
      <translation>moyenne sur {0} postmortem(s) ayant les deux dates</translation>
    </message>
    <message>
      <location filename="../../ui/dashboard.py" line="522" />
      <source>; median {0:.1f} d</source>
      <translation> ; médiane {0:.1f} j</translation>
    </message>
    <message>
      <location filename="../../ui/dashboard.py" line="538" />
      <source>{0} of {1} postmortems share a cause with another one</source>
      <translation>{0} postmortems sur {1} partagent une cause avec un autre</translation>
    </message>
    <message>
      <location filename="../../ui/dashboard.py" line="546" />
      <source>{0}: {1} — {2} postmortems</source>
      <translation>{0} : {1} — {2} postmortems</translation>
    </message>
  </context>
  <context>
    <name>DeletedDialog</name>
    <message>
      <location filename="../../ui/home/deleted.py" line="38" />
      <source>Deleted postmortems</source>
      <translation>Postmortems supprimés</translation>
    </message>
    <message>
      <location filename="../../ui/home/deleted.py" line="40" />
      <source>No deleted postmortem.</source>
      <translation>Aucun postmortem supprimé.</translation>
    </message>
    <message>
      <location filename="../../ui/home/deleted.py" line="41" />
      <source>Restore</source>
      <translation>Restaurer</translation>
    </message>
    <message>
      <location filename="../../ui/home/deleted.py" line="44" />
      <source>Close</source>
      <translation>Fermer</translation>
    </message>
    <message>
      <location filename="../../ui/home/deleted.py" line="60" />
      <source>(untitled)</source>
      <translation>(sans titre)</translation>
    </message>
  </context>
  <context>
    <name>DerivedPanel</name>
    <message>
      <location filename="../../ui/editor/derived_panel.py" line="24" />
      <source>Duration</source>
      <translation>Durée</translation>
    </message>
    <message>
      <location filename="../../ui/editor/derived_panel.py" line="25" />
      <source>Time to detect</source>
      <translation>Temps de détection</translation>
    </message>
    <message>
      <location filename="../../ui/editor/derived_panel.py" line="26" />
      <source>Time to acknowledge</source>
      <translation>Temps de prise en charge</translation>
    </message>
    <message>
      <location filename="../../ui/editor/derived_panel.py" line="27" />
      <source>Time to mitigate</source>
      <translation>Temps d'atténuation</translation>
    </message>
    <message>
      <location filename="../../ui/editor/derived_panel.py" line="28" />
      <source>Time to resolve</source>
      <translation>Temps de résolution</translation>
    </message>
    <message>
      <location filename="../../ui/editor/derived_panel.py" line="65" />
      <source>… and {0} more.</source>
      <translation>… et {0} de plus.</translation>
    </message>
    <message>
      <location filename="../../ui/editor/derived_panel.py" line="72" />
      <source>The incident is detected before it started.</source>
      <translation>L'incident est détecté avant d'avoir commencé.</translation>
    </message>
    <message>
      <location filename="../../ui/editor/derived_panel.py" line="75" />
      <source>The incident is mitigated before it started.</source>
      <translation>L'incident est atténué avant d'avoir commencé.</translation>
    </message>
    <message>
      <location filename="../../ui/editor/derived_panel.py" line="78" />
      <source>The incident is resolved before it started.</source>
      <translation>L'incident est résolu avant d'avoir commencé.</translation>
    </message>
    <message>
      <location filename="../../ui/editor/derived_panel.py" line="81" />
      <source>The incident is resolved before it is mitigated.</source>
      <translation>L'incident est résolu avant d'être atténué.</translation>
    </message>
    <message>
      <location filename="../../ui/editor/derived_panel.py" line="89" />
      <source>Timeline entry '{0}' is outside the incident window.</source>
      <translation>L'entrée de chronologie « {0} » est hors de la fenêtre de l'incident.</translation>
    </message>
  </context>
  <context>
    <name>DiagramPage</name>
    <message>
      <location filename="../../ui/diagrams/feature.py" line="23" />
      <source>Tab: add child · Enter: add sibling · F2: rename · {answer}R: root cause · Del: delete · arrows: nearest box · Alt+arrows: parent/child/sibling · drag a box onto another to move it · Ctrl+wheel / Ctrl+0: zoom / fit</source>
      <translation>Tab : ajouter un enfant · Entrée : ajouter un frère · F2 : renommer · {answer}R : cause racine · Suppr : supprimer · flèches : case la plus proche · Alt+flèches : parent/enfant/frère · glisser une case sur une autre pour la déplacer · Ctrl+molette / Ctrl+0 : zoom / ajuster</translation>
    </message>
    <message>
      <location filename="../../ui/diagrams/feature.py" line="39" />
      <source>Shift+F2: answer · </source>
      <translation>Maj+F2 : réponse · </translation>
    </message>
  </context>
  <context>
    <name>DiagramView</name>
    <message>
      <location filename="../../ui/diagrams/canvas.py" line="156" />
      <source>5 Whys diagram</source>
      <extracomment>arrow key → direction on screen (x, y)</extracomment>
      <translation>Diagramme des 5 Pourquoi</translation>
    </message>
    <message>
      <location filename="../../ui/diagrams/canvas.py" line="156" />
      <source>Ishikawa diagram</source>
      <translation>Diagramme d'Ishikawa</translation>
    </message>
    <message>
      <location filename="../../ui/diagrams/canvas.py" line="320" />
      <source>Answer: because…</source>
      <translation>Réponse : parce que…</translation>
    </message>
    <message>
      <location filename="../../ui/diagrams/canvas.py" line="322" />
      <source>Type the text, Enter (Shift+Enter: new line)</source>
      <translation>Tapez le texte, Entrée (Maj+Entrée : nouvelle ligne)</translation>
    </message>
    <message>
      <location filename="../../ui/diagrams/canvas.py" line="561" />
      <source>Add a child</source>
      <translation>Ajouter une case enfant</translation>
    </message>
    <message>
      <location filename="../../ui/diagrams/canvas.py" line="562" />
      <source>Add a sibling</source>
      <translation>Ajouter une case sœur</translation>
    </message>
    <message>
      <location filename="../../ui/diagrams/canvas.py" line="563" />
      <source>Rename</source>
      <translation>Renommer</translation>
    </message>
    <message>
      <location filename="../../ui/diagrams/canvas.py" line="567" />
      <source>Edit the answer</source>
      <translation>Modifier la réponse</translation>
    </message>
    <message>
      <location filename="../../ui/diagrams/canvas.py" line="570" />
      <source>Root cause on/off</source>
      <translation>Cause racine oui/non</translation>
    </message>
    <message>
      <location filename="../../ui/diagrams/canvas.py" line="571" />
      <source>Delete with its sub-nodes</source>
      <translation>Supprimer avec ses sous-cases</translation>
    </message>
    <message>
      <location filename="../../ui/diagrams/canvas.py" line="584" />
      <source>Fit to view</source>
      <translation>Ajuster à la vue</translation>
    </message>
    <message>
      <location filename="../../ui/diagrams/canvas.py" line="590" />
      <source>Category set</source>
      <translation>Jeu de catégories</translation>
    </message>
    <message>
      <location filename="../../ui/diagrams/canvas.py" line="592" />
      <source>Incident (People, Process, Tools…)</source>
      <translation>Incident (Personnes, Processus, Outils…)</translation>
    </message>
    <message>
      <location filename="../../ui/diagrams/canvas.py" line="593" />
      <source>Incident, in French</source>
      <translation>Incident, en français</translation>
    </message>
    <message>
      <location filename="../../ui/diagrams/canvas.py" line="594" />
      <source>The 6M (Manpower, Method, Machine…)</source>
      <translation>Les 6M (Main-d'œuvre, Méthode, Machine…)</translation>
    </message>
    <message>
      <location filename="../../ui/diagrams/canvas.py" line="595" />
      <source>The 6M, in French</source>
      <translation>Les 6M, en français</translation>
    </message>
    <message>
      <location filename="../../ui/diagrams/canvas.py" line="609" />
      <source>Corrective actions</source>
      <translation>Actions correctives</translation>
    </message>
    <message>
      <location filename="../../ui/diagrams/canvas.py" line="614" />
      <source>(no corrective action yet)</source>
      <translation>(aucune action corrective pour l'instant)</translation>
    </message>
  </context>
  <context>
    <name>DocumentEditor</name>
    <message>
      <location filename="../../ui/editor/__init__.py" line="56" />
      <source>Header</source>
      <translation>En-tête</translation>
    </message>
    <message>
      <location filename="../../ui/editor/__init__.py" line="57" />
      <source>Summary and impact</source>
      <translation>Résumé et impact</translation>
    </message>
    <message>
      <location filename="../../ui/editor/__init__.py" line="58" />
      <source>Timeline</source>
      <translation>Chronologie</translation>
    </message>
    <message>
      <location filename="../../ui/editor/__init__.py" line="59" />
      <source>Analysis</source>
      <translation>Analyse</translation>
    </message>
    <message>
      <location filename="../../ui/editor/__init__.py" line="60" />
      <source>Actions</source>
      <translation>Actions</translation>
    </message>
    <message>
      <location filename="../../ui/editor/__init__.py" line="61" />
      <source>Lessons</source>
      <translation>Leçons</translation>
    </message>
    <message>
      <location filename="../../ui/editor/__init__.py" line="62" />
      <source>Parking lot</source>
      <translation>Parking</translation>
    </message>
    <message>
      <location filename="../../ui/editor/__init__.py" line="63" />
      <source>Annexes</source>
      <translation>Annexes</translation>
    </message>
  </context>
  <context>
    <name>DocumentView</name>
    <message>
      <location filename="../../ui/document_view.py" line="92" />
      <source>Incident date</source>
      <translation>Date de l'incident</translation>
    </message>
    <message>
      <location filename="../../ui/document_view.py" line="95" />
      <source>Severity</source>
      <translation>Sévérité</translation>
    </message>
    <message>
      <location filename="../../ui/document_view.py" line="96" />
      <location filename="../../ui/document_view.py" line="231" />
      <source>Status</source>
      <translation>Statut</translation>
    </message>
    <message>
      <location filename="../../ui/document_view.py" line="97" />
      <source>Author</source>
      <translation>Auteur</translation>
    </message>
    <message>
      <location filename="../../ui/document_view.py" line="98" />
      <source>Reviewers</source>
      <translation>Relecteurs</translation>
    </message>
    <message>
      <location filename="../../ui/document_view.py" line="100" />
      <source>Postmortem date</source>
      <translation>Date du postmortem</translation>
    </message>
    <message>
      <location filename="../../ui/document_view.py" line="103" />
      <source>Tags</source>
      <translation>Étiquettes</translation>
    </message>
    <message>
      <location filename="../../ui/document_view.py" line="106" />
      <source>Field</source>
      <translation>Champ</translation>
    </message>
    <message>
      <location filename="../../ui/document_view.py" line="106" />
      <location filename="../../ui/document_view.py" line="161" />
      <source>Value</source>
      <translation>Valeur</translation>
    </message>
    <message>
      <location filename="../../ui/document_view.py" line="183" />
      <source>Duration</source>
      <translation>Durée</translation>
    </message>
    <message>
      <location filename="../../ui/document_view.py" line="184" />
      <source>Time to detect</source>
      <translation>Temps de détection</translation>
    </message>
    <message>
      <location filename="../../ui/document_view.py" line="185" />
      <source>Time to acknowledge</source>
      <translation>Temps de prise en charge</translation>
    </message>
    <message>
      <location filename="../../ui/document_view.py" line="186" />
      <source>Time to mitigate</source>
      <translation>Temps d'atténuation</translation>
    </message>
    <message>
      <location filename="../../ui/document_view.py" line="187" />
      <source>Time to resolve</source>
      <translation>Temps de résolution</translation>
    </message>
    <message>
      <location filename="../../ui/document_view.py" line="160" />
      <source>Metric</source>
      <translation>Mesure</translation>
    </message>
    <message>
      <location filename="../../ui/document_view.py" line="162" />
      <source>Target</source>
      <translation>Cible</translation>
    </message>
    <message>
      <location filename="../../ui/document_view.py" line="171" />
      <source>Name</source>
      <translation>Nom</translation>
    </message>
    <message>
      <location filename="../../ui/document_view.py" line="172" />
      <source>Role</source>
      <translation>Rôle</translation>
    </message>
    <message>
      <location filename="../../ui/document_view.py" line="173" />
      <source>Attendance</source>
      <translation>Présence</translation>
    </message>
    <message>
      <location filename="../../ui/document_view.py" line="207" />
      <source>Time</source>
      <translation>Heure</translation>
    </message>
    <message>
      <location filename="../../ui/document_view.py" line="208" />
      <source>Event</source>
      <translation>Événement</translation>
    </message>
    <message>
      <location filename="../../ui/document_view.py" line="209" />
      <source>Actor</source>
      <translation>Acteur</translation>
    </message>
    <message>
      <location filename="../../ui/document_view.py" line="210" />
      <source>Marker</source>
      <translation>Repère</translation>
    </message>
    <message>
      <location filename="../../ui/document_view.py" line="227" />
      <source>Action</source>
      <translation>Action</translation>
    </message>
    <message>
      <location filename="../../ui/document_view.py" line="228" />
      <source>Owner</source>
      <translation>Responsable</translation>
    </message>
    <message>
      <location filename="../../ui/document_view.py" line="229" />
      <source>Due</source>
      <translation>Échéance</translation>
    </message>
    <message>
      <location filename="../../ui/document_view.py" line="230" />
      <source>Priority</source>
      <translation>Priorité</translation>
    </message>
    <message>
      <location filename="../../ui/document_view.py" line="269" />
      <source>Annex truncated — {0} bytes, see the JSON export.</source>
      <translation>Annexe tronquée — {0} octets, voir l'export JSON.</translation>
    </message>
  </context>
  <context>
    <name>HeaderPage</name>
    <message>
      <location filename="../../ui/editor/header.py" line="84" />
      <source>incident date</source>
      <translation>date de l'incident</translation>
    </message>
    <message>
      <location filename="../../ui/editor/header.py" line="88" />
      <source>start time</source>
      <translation>heure de début</translation>
    </message>
    <message>
      <location filename="../../ui/editor/header.py" line="89" />
      <source>detection time</source>
      <translation>heure de détection</translation>
    </message>
    <message>
      <location filename="../../ui/editor/header.py" line="90" />
      <source>mitigation time</source>
      <translation>heure d'atténuation</translation>
    </message>
    <message>
      <location filename="../../ui/editor/header.py" line="91" />
      <source>resolution time</source>
      <translation>heure de résolution</translation>
    </message>
    <message>
      <location filename="../../ui/editor/header.py" line="95" />
      <source>14:31, 2:31 PM or 2026-01-15 14:31</source>
      <translation>14:31, 14h31 ou 2026-01-15 14:31</translation>
    </message>
    <message>
      <location filename="../../ui/editor/header.py" line="103" />
      <source>postmortem date</source>
      <translation>date du postmortem</translation>
    </message>
    <message>
      <location filename="../../ui/editor/header.py" line="108" />
      <source>Names, separated by commas</source>
      <translation>Noms, séparés par des virgules</translation>
    </message>
    <message>
      <location filename="../../ui/editor/header.py" line="109" />
      <source>Tags, separated by commas</source>
      <translation>Étiquettes, séparées par des virgules</translation>
    </message>
    <message>
      <location filename="../../ui/editor/header.py" line="144" />
      <source>Report language</source>
      <translation>Langue du rapport</translation>
    </message>
    <message>
      <location filename="../../ui/editor/header.py" line="150" />
      <source>Name</source>
      <translation>Nom</translation>
    </message>
    <message>
      <location filename="../../ui/editor/header.py" line="151" />
      <source>Role</source>
      <translation>Rôle</translation>
    </message>
    <message>
      <location filename="../../ui/editor/header.py" line="154" />
      <source>Attendance</source>
      <translation>Présence</translation>
    </message>
    <message>
      <location filename="../../ui/editor/header.py" line="161" />
      <source>New participant</source>
      <translation>Nouveau participant</translation>
    </message>
    <message>
      <location filename="../../ui/editor/header.py" line="168" />
      <source>Service</source>
      <translation>Service</translation>
    </message>
    <message>
      <location filename="../../ui/editor/header.py" line="171" />
      <source>State</source>
      <translation>État</translation>
    </message>
    <message>
      <location filename="../../ui/editor/header.py" line="178" />
      <source>new-service</source>
      <translation>nouveau-service</translation>
    </message>
    <message>
      <location filename="../../ui/editor/header.py" line="182" />
      <source>Derived times</source>
      <translation>Temps calculés</translation>
    </message>
    <message>
      <location filename="../../ui/editor/header.py" line="188" />
      <source>People</source>
      <translation>Personnes</translation>
    </message>
    <message>
      <location filename="../../ui/editor/header.py" line="189" />
      <source>Affected services</source>
      <translation>Services touchés</translation>
    </message>
  </context>
  <context>
    <name>Help</name>
    <message>
      <location filename="../../ui/help.py" line="14" />
      <source>New postmortem</source>
      <translation>Nouveau postmortem</translation>
    </message>
    <message>
      <location filename="../../ui/help.py" line="15" />
      <source>Import a postmortem</source>
      <translation>Importer un postmortem</translation>
    </message>
    <message>
      <location filename="../../ui/help.py" line="16" />
      <source>Undo / redo the last edit</source>
      <translation>Annuler / rétablir la dernière modification</translation>
    </message>
    <message>
      <location filename="../../ui/help.py" line="17" />
      <source>Previous / next section</source>
      <translation>Section précédente / suivante</translation>
    </message>
    <message>
      <location filename="../../ui/help.py" line="18" />
      <source>Go to section 1 … 9 of the outline</source>
      <translation>Aller à la section 1 … 9 du plan</translation>
    </message>
    <message>
      <location filename="../../ui/help.py" line="19" />
      <source>Finish a field (it is saved at once)</source>
      <translation>Terminer un champ (enregistré aussitôt)</translation>
    </message>
    <message>
      <location filename="../../ui/help.py" line="20" />
      <source>Finish a text of several lines</source>
      <translation>Terminer un texte de plusieurs lignes</translation>
    </message>
    <message>
      <location filename="../../ui/help.py" line="23" />
      <source>In the timeline: paste chat lines or a table, with a preview</source>
      <translation>Dans la chronologie : coller des lignes de chat ou un tableau, avec un aperçu</translation>
    </message>
    <message>
      <location filename="../../ui/help.py" line="25" />
      <source>Edit a table cell, or rename a box of a diagram</source>
      <translation>Modifier une cellule, ou renommer une case d'un diagramme</translation>
    </message>
    <message>
      <location filename="../../ui/help.py" line="28" />
      <source>Empty an optional cell; delete a diagram box and its subtree</source>
      <translation>Vider une cellule facultative ; supprimer une case de diagramme et ses descendantes</translation>
    </message>
    <message>
      <location filename="../../ui/help.py" line="30" />
      <source>In a diagram: add a child / a sibling box</source>
      <translation>Dans un diagramme : ajouter une case enfant / sœur</translation>
    </message>
    <message>
      <location filename="../../ui/help.py" line="31" />
      <source>In a diagram: go to the nearest box in that direction</source>
      <translation>Dans un diagramme : aller à la case la plus proche dans cette direction</translation>
    </message>
    <message>
      <location filename="../../ui/help.py" line="34" />
      <source>In a diagram: parent, first child, previous / next sibling</source>
      <translation>Dans un diagramme : parent, premier enfant, sœur précédente / suivante</translation>
    </message>
    <message>
      <location filename="../../ui/help.py" line="36" />
      <source>In a diagram: mark or unmark a root cause</source>
      <translation>Dans un diagramme : marquer ou démarquer une cause racine</translation>
    </message>
    <message>
      <location filename="../../ui/help.py" line="37" />
      <source>In a diagram: fit, zoom in / out</source>
      <translation>Dans un diagramme : ajuster, zoomer / dézoomer</translation>
    </message>
    <message>
      <location filename="../../ui/help.py" line="38" />
      <source>Export the report as PDF</source>
      <translation>Exporter le rapport en PDF</translation>
    </message>
    <message>
      <location filename="../../ui/help.py" line="39" />
      <source>History of the postmortem</source>
      <translation>Historique du postmortem</translation>
    </message>
    <message>
      <location filename="../../ui/help.py" line="54" />
      <source>Create a postmortem (Ctrl+N). Nothing is kept until you type something.</source>
      <translation>Créez un postmortem (Ctrl+N). Rien n'est gardé tant que vous n'avez rien tapé.</translation>
    </message>
    <message>
      <location filename="../../ui/help.py" line="57" />
      <source>Fill the header first: the incident date and time zone let you type times alone, such as 14:31 or 2:31 PM.</source>
      <translation>Remplissez d'abord l'en-tête : la date et le fuseau de l'incident permettent de taper les heures seules, comme 14:31 ou 14h31.</translation>
    </message>
    <message>
      <location filename="../../ui/help.py" line="62" />
      <source>Build the timeline: paste lines from the incident chat (Ctrl+V), check the preview, then mark when it started, was detected, mitigated and resolved.</source>
      <translation>Construisez la chronologie : collez des lignes du chat de l'incident (Ctrl+V), vérifiez l'aperçu, puis marquez le début, la détection, l'atténuation et la résolution.</translation>
    </message>
    <message>
      <location filename="../../ui/help.py" line="67" />
      <source>Find the causes with the 5 Whys and the Ishikawa diagram; mark root causes.</source>
      <translation>Trouvez les causes avec les 5 Pourquoi et le diagramme d'Ishikawa ; marquez les causes racines.</translation>
    </message>
    <message>
      <location filename="../../ui/help.py" line="70" />
      <source>Add corrective actions with an owner and a due date (tomorrow, +3d, next friday…) and link each to the causes it addresses.</source>
      <translation>Ajoutez des actions correctives avec un responsable et une échéance (demain, +3j, vendredi…) et liez chacune aux causes qu'elle traite.</translation>
    </message>
    <message>
      <location filename="../../ui/help.py" line="75" />
      <source>The outline on the left shows ✔ for sections with content and ⚠ for what needs attention. Every edit is saved at once and can be undone.</source>
      <translation>Le plan à gauche montre ✔ pour les sections remplies et ⚠ pour ce qui demande attention. Chaque modification est enregistrée aussitôt et peut être annulée.</translation>
    </message>
    <message>
      <location filename="../../ui/help.py" line="80" />
      <source>When the review is done, sign it off and export the PDF report.</source>
      <translation>Une fois la revue terminée, validez-la et exportez le rapport PDF.</translation>
    </message>
    <message>
      <location filename="../../ui/help.py" line="103" />
      <source>Keyboard shortcuts</source>
      <translation>Raccourcis clavier</translation>
    </message>
    <message>
      <location filename="../../ui/help.py" line="105" />
      <source>Getting started</source>
      <translation>Premiers pas</translation>
    </message>
  </context>
  <context>
    <name>HomePanel</name>
    <message>
      <location filename="../../ui/home/__init__.py" line="203" />
      <source>Search all postmortems…</source>
      <extracomment>the last new postmortem and its sequence number, until someone edits it</extracomment>
      <translation>Rechercher dans tous les postmortems…</translation>
    </message>
    <message>
      <location filename="../../ui/home/__init__.py" line="204" />
      <source>Any status</source>
      <translation>Tous les statuts</translation>
    </message>
    <message>
      <location filename="../../ui/home/__init__.py" line="209" />
      <source>Newest incident first</source>
      <translation>Incident le plus récent d'abord</translation>
    </message>
    <message>
      <location filename="../../ui/home/__init__.py" line="210" />
      <source>Last edited first</source>
      <translation>Dernière modification d'abord</translation>
    </message>
    <message>
      <location filename="../../ui/home/__init__.py" line="211" />
      <source>Title</source>
      <translation>Titre</translation>
    </message>
    <message>
      <location filename="../../ui/home/__init__.py" line="212" />
      <source>Severity</source>
      <translation>Sévérité</translation>
    </message>
    <message>
      <location filename="../../ui/home/__init__.py" line="213" />
      <source>Status</source>
      <translation>Statut</translation>
    </message>
    <message>
      <location filename="../../ui/home/__init__.py" line="217" />
      <location filename="../../ui/home/__init__.py" line="236" />
      <source>Any severity</source>
      <translation>Toutes les sévérités</translation>
    </message>
    <message>
      <location filename="../../ui/home/__init__.py" line="218" />
      <location filename="../../ui/home/__init__.py" line="237" />
      <source>Any service</source>
      <translation>Tous les services</translation>
    </message>
    <message>
      <location filename="../../ui/home/__init__.py" line="219" />
      <location filename="../../ui/home/__init__.py" line="238" />
      <source>Any tag</source>
      <translation>Toutes les étiquettes</translation>
    </message>
    <message>
      <location filename="../../ui/home/__init__.py" line="220" />
      <source>New</source>
      <translation>Nouveau</translation>
    </message>
    <message>
      <location filename="../../ui/home/__init__.py" line="221" />
      <source>Duplicate</source>
      <translation>Dupliquer</translation>
    </message>
    <message>
      <location filename="../../ui/home/__init__.py" line="222" />
      <source>Delete…</source>
      <translation>Supprimer…</translation>
    </message>
    <message>
      <location filename="../../ui/home/__init__.py" line="223" />
      <source>Undo</source>
      <translation>Annuler</translation>
    </message>
    <message>
      <location filename="../../ui/home/__init__.py" line="224" />
      <source>From</source>
      <translation>Du</translation>
    </message>
    <message>
      <location filename="../../ui/home/__init__.py" line="225" />
      <source>to</source>
      <translation>au</translation>
    </message>
    <message>
      <location filename="../../ui/home/__init__.py" line="226" />
      <source>Sort by</source>
      <translation>Trier par</translation>
    </message>
    <message>
      <location filename="../../ui/home/__init__.py" line="280" />
      <source>Untitled postmortem</source>
      <translation>Postmortem sans titre</translation>
    </message>
    <message>
      <location filename="../../ui/home/__init__.py" line="317" />
      <source>Copy of {0}</source>
      <translation>Copie de {0}</translation>
    </message>
    <message>
      <location filename="../../ui/home/__init__.py" line="341" />
      <source>Delete postmortem</source>
      <translation>Supprimer le postmortem</translation>
    </message>
    <message>
      <location filename="../../ui/home/__init__.py" line="342" />
      <source>Delete “{0}”? You can undo this or restore it later.</source>
      <translation>Supprimer « {0} » ? Vous pourrez annuler ou le restaurer plus tard.</translation>
    </message>
    <message>
      <location filename="../../ui/home/__init__.py" line="347" />
      <source>Delete</source>
      <translation>Supprimer</translation>
    </message>
    <message>
      <location filename="../../ui/home/__init__.py" line="348" />
      <source>Cancel</source>
      <translation>Annuler</translation>
    </message>
    <message>
      <location filename="../../ui/home/__init__.py" line="367" />
      <source>Deleted “{0}”.</source>
      <translation>« {0} » supprimé.</translation>
    </message>
    <message>
      <location filename="../../ui/home/__init__.py" line="371" />
      <source>Delete postmortem “{0}”</source>
      <translation>Supprimer le postmortem « {0} »</translation>
    </message>
  </context>
  <context>
    <name>ImportReviewDialog</name>
    <message>
      <location filename="../../ui/markdown_feature.py" line="48" />
      <source>Review the Markdown import</source>
      <translation>Vérifier l'import Markdown</translation>
    </message>
    <message>
      <location filename="../../ui/markdown_feature.py" line="53" />
      <source>&lt;b&gt;{0}&lt;/b&gt;&lt;br&gt;from {1}: {2} timeline rows, {3} actions, {4} narrative sections, {5} annexes</source>
      <translation>&lt;b&gt;{0}&lt;/b&gt;&lt;br&gt;depuis {1} : {2} lignes de chronologie, {3} actions, {4} sections de récit, {5} annexes</translation>
    </message>
    <message>
      <location filename="../../ui/markdown_feature.py" line="67" />
      <source>Mapped ({0})</source>
      <translation>Repris ({0})</translation>
    </message>
    <message>
      <location filename="../../ui/markdown_feature.py" line="68" />
      <source>Kept aside ({0})</source>
      <translation>Mis de côté ({0})</translation>
    </message>
    <message>
      <location filename="../../ui/markdown_feature.py" line="69" />
      <source>Warnings ({0})</source>
      <translation>Avertissements ({0})</translation>
    </message>
    <message>
      <location filename="../../ui/markdown_feature.py" line="72" />
      <source>Text kept aside</source>
      <translation>Texte mis de côté</translation>
    </message>
    <message>
      <location filename="../../ui/markdown_feature.py" line="76" />
      <source>Nothing is lost: the text kept aside is shown here in full, to copy where it belongs; it is not printed in the postmortem.</source>
      <translation>Rien n'est perdu : le texte mis de côté est affiché ici en entier, à recopier là où il doit aller ; il n'est pas imprimé dans le postmortem.</translation>
    </message>
    <message>
      <location filename="../../ui/markdown_feature.py" line="86" />
      <source>Create the postmortem</source>
      <translation>Créer le postmortem</translation>
    </message>
    <message>
      <location filename="../../ui/markdown_feature.py" line="70" />
      <location filename="../../ui/markdown_feature.py" line="104" />
      <source>(nothing)</source>
      <translation>(rien)</translation>
    </message>
  </context>
  <context>
    <name>KpiGauge</name>
    <message>
      <location filename="../../ui/dashboard.py" line="248" />
      <source>target &lt; {0} · {1} incident(s)</source>
      <translation>cible &lt; {0} · {1} incident(s)</translation>
    </message>
    <message>
      <source>on target</source>
      <translation>dans la cible</translation>
    </message>
    <message>
      <source>above target</source>
      <translation>au-dessus de la cible</translation>
    </message>
  </context>
  <context>
    <name>Labels</name>
    <message>
      <location filename="../../ui/editor/labels.py" line="100" />
      <source>English</source>
      <translation>Anglais</translation>
    </message>
    <message>
      <location filename="../../ui/editor/labels.py" line="100" />
      <source>French</source>
      <translation>Français</translation>
    </message>
  </context>
  <context>
    <name>LessonsPage</name>
    <message>
      <location filename="../../ui/editor/lessons.py" line="28" />
      <location filename="../../ui/editor/lessons.py" line="44" />
      <source>Audience</source>
      <translation>Public</translation>
    </message>
    <message>
      <location filename="../../ui/editor/lessons.py" line="33" />
      <source>Lesson</source>
      <translation>Leçon</translation>
    </message>
    <message>
      <location filename="../../ui/editor/lessons.py" line="50" />
      <source>Channel</source>
      <translation>Canal</translation>
    </message>
    <message>
      <location filename="../../ui/editor/lessons.py" line="53" />
      <source>Sent at</source>
      <translation>Envoyé à</translation>
    </message>
    <message>
      <location filename="../../ui/editor/lessons.py" line="59" />
      <source>sent at</source>
      <translation>envoyé à</translation>
    </message>
    <message>
      <location filename="../../ui/editor/lessons.py" line="63" />
      <source>Message</source>
      <translation>Message</translation>
    </message>
    <message>
      <location filename="../../ui/editor/lessons.py" line="69" />
      <source>Lessons learned</source>
      <translation>Leçons apprises</translation>
    </message>
    <message>
      <location filename="../../ui/editor/lessons.py" line="70" />
      <source>Communications</source>
      <translation>Communications</translation>
    </message>
  </context>
  <context>
    <name>LinkPicker</name>
    <message>
      <location filename="../../ui/editor/link_picker.py" line="33" />
      <location filename="../../ui/editor/link_picker.py" line="50" />
      <source>(no text)</source>
      <translation>(sans texte)</translation>
    </message>
    <message>
      <location filename="../../ui/editor/link_picker.py" line="35" />
      <source>Why {0}: {1}</source>
      <translation>Pourquoi {0} : {1}</translation>
    </message>
    <message>
      <location filename="../../ui/editor/link_picker.py" line="37" />
      <source>Ishikawa · {0}: {1}</source>
      <translation>Ishikawa · {0} : {1}</translation>
    </message>
    <message>
      <location filename="../../ui/editor/link_picker.py" line="48" />
      <source>Causes addressed by this action</source>
      <translation>Causes traitées par cette action</translation>
    </message>
    <message>
      <location filename="../../ui/editor/link_picker.py" line="50" />
      <source>“{0}” addresses:</source>
      <translation>« {0} » traite :</translation>
    </message>
    <message>
      <location filename="../../ui/editor/link_picker.py" line="55" />
      <source>Type to find a why or a cause…</source>
      <translation>Tapez pour trouver un pourquoi ou une cause…</translation>
    </message>
    <message>
      <location filename="../../ui/editor/link_picker.py" line="73" />
      <source>Marked as a root cause</source>
      <translation>Marquée comme cause racine</translation>
    </message>
    <message>
      <location filename="../../ui/editor/link_picker.py" line="83" />
      <source>{0} linked cause(s) were deleted from the diagrams; OK removes them.</source>
      <translation>{0} cause(s) liée(s) ont été supprimées des diagrammes ; OK retire ces liens.</translation>
    </message>
    <message>
      <location filename="../../ui/editor/link_picker.py" line="88" />
      <source>The diagrams have no why or cause yet: add them in 5 Whys or Ishikawa.</source>
      <translation>Les diagrammes n'ont encore ni pourquoi ni cause : ajoutez-les dans 5 Pourquoi ou Ishikawa.</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <location filename="../../ui/main_window.py" line="350" />
      <source>&amp;File</source>
      <extracomment>emitted after an edit (or undo/redo) is on disk, with its description</extracomment>
      <translation>&amp;Fichier</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="351" />
      <source>&amp;Edit</source>
      <translation>É&amp;dition</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="352" />
      <source>&amp;View</source>
      <translation>&amp;Affichage</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="353" />
      <source>&amp;Postmortem</source>
      <translation>&amp;Postmortem</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="354" />
      <source>&amp;Meeting</source>
      <translation>&amp;Réunion</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="355" />
      <source>&amp;Help</source>
      <translation>&amp;Aide</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="360" />
      <source>&amp;New postmortem</source>
      <translation>&amp;Nouveau postmortem</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="361" />
      <source>D&amp;uplicate</source>
      <translation>D&amp;upliquer</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="362" />
      <source>&amp;Delete…</source>
      <translation>&amp;Supprimer…</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="363" />
      <source>&amp;Import…</source>
      <translation>&amp;Importer…</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="364" />
      <source>Add the &amp;demo postmortem</source>
      <translation>Ajouter le postmortem de &amp;démonstration</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="365" />
      <source>Deleted &amp;postmortems…</source>
      <translation>&amp;Postmortems supprimés…</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="366" />
      <source>Pre&amp;ferences…</source>
      <translation>Pré&amp;férences…</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="367" />
      <source>&amp;Quit</source>
      <translation>&amp;Quitter</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="368" />
      <source>&amp;History…</source>
      <translation>&amp;Historique…</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="369" />
      <source>Take a &amp;snapshot</source>
      <translation>Prendre un &amp;instantané</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="370" />
      <source>&amp;About Postmortem Studio</source>
      <translation>À &amp;propos de Postmortem Studio</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="371" />
      <source>&amp;Keyboard shortcuts</source>
      <translation>&amp;Raccourcis clavier</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="372" />
      <source>&amp;Getting started</source>
      <translation>&amp;Premiers pas</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="379" />
      <source>Report</source>
      <translation>Rapport</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="374" />
      <source>Select a postmortem to read it.</source>
      <translation>Sélectionnez un postmortem pour le lire.</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="388" />
      <source>&amp;Undo {0}</source>
      <translation>&amp;Annuler : {0}</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="388" />
      <source>&amp;Undo</source>
      <translation>&amp;Annuler</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="389" />
      <source>&amp;Redo {0}</source>
      <translation>&amp;Rétablir : {0}</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="389" />
      <source>&amp;Redo</source>
      <translation>&amp;Rétablir</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="408" />
      <source>Postmortem &amp;list</source>
      <translation>&amp;Liste des postmortems</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="454" />
      <location filename="../../ui/main_window.py" line="659" />
      <location filename="../../ui/main_window.py" line="757" />
      <source>Postmortem Studio</source>
      <translation>Postmortem Studio</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="456" />
      <source>not saved, retrying</source>
      <translation>non enregistré, nouvelle tentative</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="456" />
      <source>saved</source>
      <translation>enregistré</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="457" />
      <source>(untitled)</source>
      <translation>(sans titre)</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="458" />
      <source>{0} — {1} — Postmortem Studio</source>
      <translation>{0} — {1} — Postmortem Studio</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="517" />
      <source>The open postmortem has edits that are not saved yet; they are retried.</source>
      <translation>Le postmortem ouvert a des modifications pas encore enregistrées ; elles sont retentées.</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="611" />
      <source>Not saved: {0} Retrying every few seconds.</source>
      <translation>Non enregistré : {0} Nouvelle tentative toutes les quelques secondes.</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="650" />
      <source>Changed elsewhere — reloaded.</source>
      <translation>Modifié ailleurs — rechargé.</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="660" />
      <source>Some edits could not be saved: {0}
Quit anyway and lose them?</source>
      <translation>Certaines modifications n'ont pas pu être enregistrées : {0}
Quitter quand même et les perdre ?</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="690" />
      <source>Import a postmortem</source>
      <translation>Importer un postmortem</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="690" />
      <source>Postmortem files (*.json)</source>
      <translation>Fichiers postmortem (*.json)</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="707" />
      <source>Cannot import {0}: {1}</source>
      <translation>Impossible d'importer {0} : {1}</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="730" />
      <source>Snapshot recorded in the history.</source>
      <translation>Instantané enregistré dans l'historique.</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="770" />
      <source>About Postmortem Studio</source>
      <translation>À propos de Postmortem Studio</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="771" />
      <source>Postmortem Studio — blameless incident postmortems, offline.</source>
      <translation>Postmortem Studio — postmortems d'incident sans blâme, hors ligne.</translation>
    </message>
    <message>
      <location filename="../../ui/diagrams/feature.py" line="58" />
      <source>Export diagram as {0}…</source>
      <translation>Exporter le diagramme en {0}…</translation>
    </message>
    <message>
      <location filename="../../ui/diagrams/feature.py" line="69" />
      <source>5 Whys</source>
      <translation>5 Pourquoi</translation>
    </message>
    <message>
      <location filename="../../ui/diagrams/feature.py" line="70" />
      <source>Ishikawa</source>
      <translation>Ishikawa</translation>
    </message>
    <message>
      <location filename="../../ui/diagrams/feature.py" line="93" />
      <source>Open a postmortem first, then export its diagram.</source>
      <translation>Ouvrez d'abord un postmortem, puis exportez son diagramme.</translation>
    </message>
    <message>
      <location filename="../../ui/diagrams/feature.py" line="98" />
      <source>Export the diagram</source>
      <translation>Exporter le diagramme</translation>
    </message>
    <message>
      <location filename="../../ui/maintenance_feature.py" line="35" />
      <source>&amp;Tools</source>
      <translation>&amp;Outils</translation>
    </message>
    <message>
      <location filename="../../ui/maintenance_feature.py" line="39" />
      <source>&amp;Check database…</source>
      <translation>&amp;Vérifier la base de données…</translation>
    </message>
    <message>
      <location filename="../../ui/markdown_feature.py" line="183" />
      <source>Import &amp;Markdown…</source>
      <translation>Importer du &amp;Markdown…</translation>
    </message>
    <message>
      <location filename="../../ui/markdown_feature.py" line="189" />
      <source>Import a Markdown postmortem</source>
      <translation>Importer un postmortem Markdown</translation>
    </message>
    <message>
      <location filename="../../ui/markdown_feature.py" line="190" />
      <source>Markdown files (*.md *.markdown)</source>
      <translation>Fichiers Markdown (*.md *.markdown)</translation>
    </message>
    <message>
      <location filename="../../ui/meeting_feature.py" line="43" />
      <source>Start meeting…</source>
      <translation>Démarrer la réunion…</translation>
    </message>
    <message>
      <location filename="../../ui/report_feature.py" line="32" />
      <source>Export report as PDF…</source>
      <translation>Exporter le rapport en PDF…</translation>
    </message>
    <message>
      <location filename="../../ui/report_feature.py" line="37" />
      <source>Collect signed PDF…</source>
      <translation>Recueillir un PDF signé…</translation>
    </message>
    <message>
      <location filename="../../ui/report_feature.py" line="41" />
      <source>Sign off…</source>
      <translation>Signer…</translation>
    </message>
    <message>
      <location filename="../../ui/report_feature.py" line="44" />
      <source>Reopen approved report</source>
      <translation>Rouvrir le rapport approuvé</translation>
    </message>
    <message>
      <location filename="../../ui/tracking_feature.py" line="34" />
      <source>Action &amp;tracker</source>
      <translation>Suivi des &amp;actions</translation>
    </message>
    <message>
      <location filename="../../ui/tracking_feature.py" line="38" />
      <source>Metrics &amp;dashboard</source>
      <translation>&amp;Tableau de bord</translation>
    </message>
    <message>
      <location filename="../../ui/maintenance_feature.py" line="50" />
      <source>Checking the database…</source>
      <translation>Vérification de la base de données…</translation>
    </message>
    <message>
      <location filename="../../ui/maintenance_feature.py" line="74" />
      <source>Check database</source>
      <translation>Vérifier la base de données</translation>
    </message>
    <message>
      <location filename="../../ui/maintenance_feature.py" line="77" />
      <source>No damage found in {0}.</source>
      <translation>Aucun dommage trouvé dans {0}.</translation>
    </message>
    <message>
      <location filename="../../ui/maintenance_feature.py" line="83" />
      <source>The database {0} is damaged: restore a backup (files *.bak beside it).</source>
      <translation>La base de données {0} est endommagée : restaurez une sauvegarde (fichiers *.bak à côté).</translation>
    </message>
    <message>
      <location filename="../../ui/meeting_feature.py" line="107" />
      <source>A meeting of “{0}” is open; end it (or close its controls) before starting another.</source>
      <translation>Une réunion de « {0} » est ouverte ; terminez-la (ou fermez son pilotage) avant d'en commencer une autre.</translation>
    </message>
    <message>
      <location filename="../../ui/meeting_feature.py" line="116" />
      <source>Meeting in progress</source>
      <translation>Réunion en cours</translation>
    </message>
    <message>
      <location filename="../../ui/meeting_feature.py" line="117" />
      <source>A meeting of this postmortem is in progress. Resume it?</source>
      <translation>Une réunion de ce postmortem est en cours. La reprendre ?</translation>
    </message>
    <message>
      <location filename="../../ui/meeting_feature.py" line="163" />
      <source>Meeting controls</source>
      <translation>Pilotage de la réunion</translation>
    </message>
    <message>
      <location filename="../../ui/report_feature.py" line="69" />
      <source>Sign-off</source>
      <translation>Signatures</translation>
    </message>
    <message>
      <location filename="../../ui/tracking_feature.py" line="103" />
      <source>Action tracker — Postmortem Studio</source>
      <translation>Suivi des actions — Postmortem Studio</translation>
    </message>
    <message>
      <location filename="../../ui/tracking_feature.py" line="117" />
      <source>Metrics dashboard — Postmortem Studio</source>
      <translation>Tableau de bord — Postmortem Studio</translation>
    </message>
  </context>
  <context>
    <name>MeetingStatus</name>
    <message>
      <location filename="../../ui/meeting/window_link.py" line="42" />
      <source>Back to the meeting</source>
      <translation>Revenir à la réunion</translation>
    </message>
    <message>
      <location filename="../../ui/meeting/window_link.py" line="65" />
      <source>{0} left</source>
      <translation>encore {0}</translation>
    </message>
    <message>
      <location filename="../../ui/meeting/window_link.py" line="67" />
      <source>{0} over</source>
      <translation>{0} de dépassement</translation>
    </message>
    <message>
      <location filename="../../ui/meeting/window_link.py" line="70" />
      <source>Meeting ended — {0}</source>
      <translation>Réunion terminée — {0}</translation>
    </message>
    <message>
      <location filename="../../ui/meeting/window_link.py" line="72" />
      <source>Meeting ready — {0}</source>
      <translation>Réunion prête — {0}</translation>
    </message>
    <message>
      <location filename="../../ui/meeting/window_link.py" line="74" />
      <source>Meeting paused — step {0} of {1}, {2}</source>
      <translation>Réunion en pause — étape {0} sur {1}, {2}</translation>
    </message>
    <message>
      <location filename="../../ui/meeting/window_link.py" line="76" />
      <source>Meeting running — step {0} of {1}, {2}</source>
      <translation>Réunion en cours — étape {0} sur {1}, {2}</translation>
    </message>
  </context>
  <context>
    <name>NarrativeGroup</name>
    <message>
      <location filename="../../ui/editor/narrative.py" line="27" />
      <source>Title</source>
      <translation>Titre</translation>
    </message>
    <message>
      <location filename="../../ui/editor/narrative.py" line="28" />
      <source>Part</source>
      <translation>Partie</translation>
    </message>
    <message>
      <location filename="../../ui/editor/narrative.py" line="30" />
      <source>New section</source>
      <translation>Nouvelle section</translation>
    </message>
    <message>
      <location filename="../../ui/editor/narrative.py" line="37" />
      <source>Select a section to edit its text.</source>
      <translation>Sélectionnez une section pour modifier son texte.</translation>
    </message>
    <message>
      <location filename="../../ui/editor/narrative.py" line="49" />
      <source>Lead-up</source>
      <translation>Prélude</translation>
    </message>
    <message>
      <location filename="../../ui/editor/narrative.py" line="49" />
      <source>Trigger</source>
      <translation>Déclencheur</translation>
    </message>
    <message>
      <location filename="../../ui/editor/narrative.py" line="50" />
      <source>Fault</source>
      <translation>Défaillance</translation>
    </message>
    <message>
      <location filename="../../ui/editor/narrative.py" line="50" />
      <source>Detection</source>
      <translation>Détection</translation>
    </message>
    <message>
      <location filename="../../ui/editor/narrative.py" line="51" />
      <source>Response</source>
      <translation>Réponse</translation>
    </message>
    <message>
      <location filename="../../ui/editor/narrative.py" line="51" />
      <source>Recovery</source>
      <translation>Rétablissement</translation>
    </message>
    <message>
      <location filename="../../ui/editor/narrative.py" line="52" />
      <source>Resolution</source>
      <translation>Résolution</translation>
    </message>
    <message>
      <location filename="../../ui/editor/narrative.py" line="52" />
      <source>Impact</source>
      <translation>Impact</translation>
    </message>
    <message>
      <location filename="../../ui/editor/narrative.py" line="53" />
      <source>Assessment</source>
      <translation>Bilan</translation>
    </message>
    <message>
      <location filename="../../ui/editor/narrative.py" line="53" />
      <source>Background</source>
      <translation>Contexte</translation>
    </message>
    <message>
      <location filename="../../ui/editor/narrative.py" line="54" />
      <source>Investigation</source>
      <translation>Investigation</translation>
    </message>
    <message>
      <location filename="../../ui/editor/narrative.py" line="38" />
      <source>Text of “{0}”</source>
      <translation>Texte de « {0} »</translation>
    </message>
  </context>
  <context>
    <name>Outline</name>
    <message>
      <location filename="../../ui/editor/outline.py" line="47" />
      <source>Root cause without a corrective action: {0}</source>
      <translation>Cause racine sans action corrective : {0}</translation>
    </message>
    <message>
      <location filename="../../ui/editor/outline.py" line="52" />
      <source>{0} action(s) without an owner.</source>
      <translation>{0} action(s) sans responsable.</translation>
    </message>
    <message>
      <location filename="../../ui/editor/outline.py" line="53" />
      <source>{0} action(s) without a due date.</source>
      <translation>{0} action(s) sans échéance.</translation>
    </message>
    <message>
      <location filename="../../ui/editor/outline.py" line="60" />
      <source>No title yet.</source>
      <translation>Pas encore de titre.</translation>
    </message>
    <message>
      <location filename="../../ui/editor/outline.py" line="61" />
      <source>No incident date: times typed alone (14:31) need it.</source>
      <translation>Pas de date d'incident : les heures tapées seules (14:31) en ont besoin.</translation>
    </message>
    <message>
      <location filename="../../ui/editor/outline.py" line="64" />
      <source>No severity.</source>
      <translation>Pas de sévérité.</translation>
    </message>
    <message>
      <location filename="../../ui/editor/outline.py" line="65" />
      <source>No event is marked (started, detected, resolved…): derived times are empty.</source>
      <translation>Aucun événement n'est marqué (début, détection, résolution…) : les durées calculées sont vides.</translation>
    </message>
    <message>
      <location filename="../../ui/editor/outline.py" line="84" />
      <location filename="../../ui/editor/outline.py" line="107" />
      <source>Sections</source>
      <extracomment>pages added by features, with what names them in the current language</extracomment>
      <translation>Sections</translation>
    </message>
    <message>
      <location filename="../../ui/editor/outline.py" line="188" />
      <source>Nothing written yet.</source>
      <translation>Rien d'écrit pour l'instant.</translation>
    </message>
    <message>
      <location filename="../../ui/editor/outline.py" line="189" />
      <source>Has content.</source>
      <translation>A du contenu.</translation>
    </message>
    <message>
      <location filename="../../ui/editor/outline.py" line="213" />
      <source>Previous section</source>
      <translation>Section précédente</translation>
    </message>
    <message>
      <location filename="../../ui/editor/outline.py" line="216" />
      <source>Next section</source>
      <translation>Section suivante</translation>
    </message>
    <message>
      <location filename="../../ui/editor/outline.py" line="221" />
      <source>Section {0}</source>
      <translation>Section {0}</translation>
    </message>
  </context>
  <context>
    <name>ParkingLotPage</name>
    <message>
      <location filename="../../ui/editor/parking.py" line="24" />
      <source>A question or topic to follow up after the meeting, one per line.</source>
      <translation>Une question ou un sujet à suivre après la réunion, un par ligne.</translation>
    </message>
    <message>
      <location filename="../../ui/editor/parking.py" line="32" />
      <source>Parking lot / follow-ups</source>
      <translation>Points en suspens / suivis</translation>
    </message>
    <message>
      <location filename="../../ui/editor/parking.py" line="35" />
      <source>Topics parked during the meeting appear here; they are printed in the report and exported with it. One topic per line.</source>
      <translation>Les sujets mis de côté pendant la réunion apparaissent ici ; ils sont imprimés dans le rapport et exportés avec lui. Un sujet par ligne.</translation>
    </message>
  </context>
  <context>
    <name>PastePreview</name>
    <message>
      <location filename="../../ui/editor/paste_preview.py" line="169" />
      <source>Paste timeline rows</source>
      <translation>Coller des lignes de chronologie</translation>
    </message>
    <message>
      <location filename="../../ui/editor/paste_preview.py" line="204" />
      <source>Use suggested markers</source>
      <translation>Utiliser les marqueurs suggérés</translation>
    </message>
    <message>
      <location filename="../../ui/editor/paste_preview.py" line="215" />
      <source>Day of these times</source>
      <translation>Jour de ces heures</translation>
    </message>
    <message>
      <location filename="../../ui/editor/paste_preview.py" line="231" />
      <source>day</source>
      <translation>jour</translation>
    </message>
    <message>
      <location filename="../../ui/editor/paste_preview.py" line="243" />
      <source>Add {0} rows</source>
      <translation>Ajouter {0} lignes</translation>
    </message>
    <message>
      <location filename="../../ui/editor/paste_preview.py" line="245" />
      <source>Rows read from the pasted text: {0}.</source>
      <translation>Lignes lues dans le texte collé : {0}.</translation>
    </message>
    <message>
      <location filename="../../ui/editor/paste_preview.py" line="247" />
      <source>Time</source>
      <translation>Heure</translation>
    </message>
    <message>
      <location filename="../../ui/editor/paste_preview.py" line="247" />
      <source>Event</source>
      <translation>Événement</translation>
    </message>
    <message>
      <location filename="../../ui/editor/paste_preview.py" line="247" />
      <source>Actor</source>
      <translation>Acteur</translation>
    </message>
    <message>
      <location filename="../../ui/editor/paste_preview.py" line="251" />
      <source>Table columns used: {0}.</source>
      <translation>Colonnes du tableau utilisées : {0}.</translation>
    </message>
    <message>
      <location filename="../../ui/editor/paste_preview.py" line="254" />
      <source>Lines without a time, added as notes of the row above: {0}.</source>
      <translation>Lignes sans heure, ajoutées en notes de la ligne au-dessus : {0}.</translation>
    </message>
    <message>
      <location filename="../../ui/editor/paste_preview.py" line="259" />
      <source>Lines that could not be read: {0}.</source>
      <translation>Lignes illisibles : {0}.</translation>
    </message>
    <message>
      <location filename="../../ui/editor/paste_preview.py" line="260" />
      <source>Check and correct them, then add them.</source>
      <translation>Vérifiez-les et corrigez-les, puis ajoutez-les.</translation>
    </message>
    <message>
      <location filename="../../ui/editor/paste_preview.py" line="267" />
      <source>These times have no date and the postmortem has no incident date: type the day they happened.</source>
      <translation>Ces heures n'ont pas de date et le postmortem n'a pas de date d'incident : tapez le jour où elles ont eu lieu.</translation>
    </message>
  </context>
  <context>
    <name>PickerPopup</name>
    <message>
      <location filename="../../ui/editor/pickers.py" line="63" />
      <source>OK</source>
      <translation>OK</translation>
    </message>
    <message>
      <location filename="../../ui/editor/pickers.py" line="70" />
      <source>Time</source>
      <translation>Heure</translation>
    </message>
  </context>
  <context>
    <name>Pickers</name>
    <message>
      <location filename="../../ui/editor/pickers.py" line="113" />
      <source>Pick a date</source>
      <translation>Choisir une date</translation>
    </message>
  </context>
  <context>
    <name>PostmortemListModel</name>
    <message>
      <location filename="../../ui/postmortem_list.py" line="43" />
      <source>Title</source>
      <translation>Titre</translation>
    </message>
    <message>
      <location filename="../../ui/postmortem_list.py" line="43" />
      <source>Incident date</source>
      <translation>Date de l'incident</translation>
    </message>
    <message>
      <location filename="../../ui/postmortem_list.py" line="43" />
      <source>Severity</source>
      <translation>Sévérité</translation>
    </message>
    <message>
      <location filename="../../ui/postmortem_list.py" line="43" />
      <source>Status</source>
      <translation>Statut</translation>
    </message>
    <message>
      <location filename="../../ui/postmortem_list.py" line="76" />
      <source>(untitled)</source>
      <translation>(sans titre)</translation>
    </message>
  </context>
  <context>
    <name>PreferencesDialog</name>
    <message>
      <location filename="../../ui/preferences.py" line="258" />
      <source>Preferences</source>
      <translation>Préférences</translation>
    </message>
    <message>
      <location filename="../../ui/preferences.py" line="264" />
      <source>System language</source>
      <translation>Langue du système</translation>
    </message>
    <message>
      <location filename="../../ui/preferences.py" line="265" />
      <location filename="../../ui/preferences.py" line="271" />
      <source>English</source>
      <translation>Anglais</translation>
    </message>
    <message>
      <location filename="../../ui/preferences.py" line="266" />
      <location filename="../../ui/preferences.py" line="271" />
      <source>French</source>
      <translation>Français</translation>
    </message>
    <message>
      <location filename="../../ui/preferences.py" line="278" />
      <source>Light</source>
      <translation>Clair</translation>
    </message>
    <message>
      <location filename="../../ui/preferences.py" line="279" />
      <source>Dark</source>
      <translation>Sombre</translation>
    </message>
    <message>
      <location filename="../../ui/preferences.py" line="280" />
      <source>High contrast (for sharing a screen)</source>
      <translation>Contraste élevé (pour partager l'écran)</translation>
    </message>
    <message>
      <location filename="../../ui/preferences.py" line="285" />
      <source>One level per line: code | description</source>
      <translation>Un niveau par ligne : code | description</translation>
    </message>
    <message>
      <location filename="../../ui/preferences.py" line="302" />
      <source>Meeting agenda</source>
      <translation>Ordre du jour de la réunion</translation>
    </message>
    <message>
      <location filename="../../ui/preferences.py" line="318" />
      <source>General</source>
      <translation>Général</translation>
    </message>
    <message>
      <location filename="../../ui/preferences.py" line="319" />
      <source>Trusted signers</source>
      <translation>Signataires de confiance</translation>
    </message>
    <message>
      <location filename="../../ui/preferences.py" line="295" />
      <source>Author name</source>
      <translation>Nom de l'auteur</translation>
    </message>
    <message>
      <location filename="../../ui/preferences.py" line="296" />
      <source>Author title</source>
      <translation>Fonction de l'auteur</translation>
    </message>
    <message>
      <location filename="../../ui/preferences.py" line="297" />
      <source>Interface language</source>
      <translation>Langue de l'interface</translation>
    </message>
    <message>
      <location filename="../../ui/preferences.py" line="298" />
      <source>Report language</source>
      <translation>Langue du rapport</translation>
    </message>
    <message>
      <location filename="../../ui/preferences.py" line="299" />
      <source>Theme</source>
      <translation>Thème</translation>
    </message>
    <message>
      <location filename="../../ui/preferences.py" line="300" />
      <source>Severity scale
(code | description)</source>
      <translation>Échelle de sévérité
(code | description)</translation>
    </message>
    <message>
      <location filename="../../ui/preferences.py" line="301" />
      <source>Ishikawa categories</source>
      <translation>Catégories Ishikawa</translation>
    </message>
    <message>
      <location filename="../../ui/preferences.py" line="306" />
      <source>OK</source>
      <translation>OK</translation>
    </message>
    <message>
      <location filename="../../ui/preferences.py" line="307" />
      <source>Cancel</source>
      <translation>Annuler</translation>
    </message>
  </context>
  <context>
    <name>PresenterView</name>
    <message>
      <location filename="../../ui/meeting/presenter_view.py" line="146" />
      <source>Postmortem meeting — presenter view</source>
      <extracomment>pixel sizes at 1280×720 (scaled up on larger screens, never down)</extracomment>
      <translation>Réunion postmortem — vue présentateur</translation>
    </message>
    <message>
      <location filename="../../ui/meeting/presenter_view.py" line="297" />
      <source>Thank you — the meeting has ended.</source>
      <translation>Merci — la réunion est terminée.</translation>
    </message>
    <message>
      <location filename="../../ui/meeting/presenter_view.py" line="299" />
      <source>Last step of the meeting</source>
      <translation>Dernière étape de la réunion</translation>
    </message>
    <message>
      <location filename="../../ui/meeting/presenter_view.py" line="335" />
      <source>Ground rules</source>
      <translation>Règles du jeu</translation>
    </message>
    <message>
      <location filename="../../ui/meeting/presenter_view.py" line="390" />
      <source>Timeline</source>
      <translation>Chronologie</translation>
    </message>
    <message>
      <location filename="../../ui/meeting/presenter_view.py" line="415" />
      <source>No timeline entries yet.</source>
      <translation>Pas encore d'entrée de chronologie.</translation>
    </message>
    <message>
      <location filename="../../ui/meeting/presenter_view.py" line="348" />
      <source>Actions</source>
      <translation>Actions</translation>
    </message>
    <message>
      <location filename="../../ui/meeting/presenter_view.py" line="293" />
      <source>+ {0} more questions</source>
      <translation>+ {0} autres questions</translation>
    </message>
    <message>
      <location filename="../../ui/meeting/presenter_view.py" line="303" />
      <source>Next: {0} ({1} min)</source>
      <translation>Ensuite : {0} ({1} min)</translation>
    </message>
    <message>
      <location filename="../../ui/meeting/presenter_view.py" line="355" />
      <source>No actions yet.</source>
      <translation>Pas encore d'action.</translation>
    </message>
    <message>
      <location filename="../../ui/meeting/presenter_view.py" line="358" />
      <source>Open actions from earlier postmortems</source>
      <translation>Actions ouvertes des postmortems précédents</translation>
    </message>
    <message>
      <location filename="../../ui/meeting/presenter_view.py" line="367" />
      <source>No open actions elsewhere.</source>
      <translation>Aucune action ouverte ailleurs.</translation>
    </message>
    <message>
      <location filename="../../ui/meeting/presenter_view.py" line="379" />
      <location filename="../../ui/meeting/presenter_view.py" line="415" />
      <location filename="../../ui/meeting/presenter_view.py" line="436" />
      <location filename="../../ui/meeting/presenter_view.py" line="464" />
      <source>↑ {0} earlier</source>
      <translation>↑ {0} plus tôt</translation>
    </message>
    <message>
      <location filename="../../ui/meeting/presenter_view.py" line="379" />
      <source>+ {0} more</source>
      <translation>+ {0} de plus</translation>
    </message>
    <message>
      <location filename="../../ui/meeting/presenter_view.py" line="430" />
      <source>(no problem statement yet)</source>
      <translation>(pas encore d'énoncé du problème)</translation>
    </message>
    <message>
      <location filename="../../ui/meeting/presenter_view.py" line="431" />
      <source>Problem: {0}</source>
      <translation>Problème : {0}</translation>
    </message>
    <message>
      <location filename="../../ui/meeting/presenter_view.py" line="436" />
      <source>No why yet.</source>
      <translation>Pas encore de pourquoi.</translation>
    </message>
    <message>
      <location filename="../../ui/meeting/presenter_view.py" line="440" />
      <source>Ishikawa diagram</source>
      <translation>Diagramme d'Ishikawa</translation>
    </message>
    <message>
      <location filename="../../ui/meeting/presenter_view.py" line="455" />
      <location filename="../../ui/meeting/presenter_view.py" line="472" />
      <source>   ★ root cause</source>
      <translation>   ★ cause racine</translation>
    </message>
    <message>
      <location filename="../../ui/meeting/presenter_view.py" line="460" />
      <source>Effect: {0}</source>
      <translation>Effet : {0}</translation>
    </message>
    <message>
      <location filename="../../ui/meeting/presenter_view.py" line="463" />
      <source>No cause in this category yet.</source>
      <translation>Pas encore de cause dans cette catégorie.</translation>
    </message>
    <message>
      <location filename="../../ui/meeting/presenter_view.py" line="427" />
      <source>5 Whys</source>
      <translation>5 Pourquoi</translation>
    </message>
    <message>
      <location filename="../../ui/meeting/presenter_view.py" line="509" />
      <source>Step {0} of {1}</source>
      <translation>Étape {0} sur {1}</translation>
    </message>
    <message>
      <location filename="../../ui/meeting/presenter_view.py" line="514" />
      <source>  ·  +{0} over</source>
      <translation>  ·  +{0} de dépassement</translation>
    </message>
    <message>
      <location filename="../../ui/meeting/presenter_view.py" line="515" />
      <source>Meeting {0} / {1}{2}</source>
      <translation>Réunion {0} / {1}{2}</translation>
    </message>
    <message>
      <location filename="../../ui/meeting/presenter_view.py" line="520" />
      <source>Ready to start</source>
      <translation>Prête à démarrer</translation>
    </message>
    <message>
      <location filename="../../ui/meeting/presenter_view.py" line="522" />
      <source>Wrapping up</source>
      <translation>Conclusion</translation>
    </message>
    <message>
      <location filename="../../ui/meeting/presenter_view.py" line="523" />
      <source>Over time</source>
      <translation>Temps dépassé</translation>
    </message>
    <message>
      <location filename="../../ui/meeting/presenter_view.py" line="524" />
      <source>Paused</source>
      <translation>En pause</translation>
    </message>
    <message>
      <location filename="../../ui/meeting/presenter_view.py" line="525" />
      <source>Meeting ended</source>
      <translation>Réunion terminée</translation>
    </message>
  </context>
  <context>
    <name>PreviewModel</name>
    <message>
      <location filename="../../ui/editor/paste_preview.py" line="57" />
      <source>Time</source>
      <translation>Heure</translation>
    </message>
    <message>
      <location filename="../../ui/editor/paste_preview.py" line="58" />
      <source>Event</source>
      <translation>Événement</translation>
    </message>
    <message>
      <location filename="../../ui/editor/paste_preview.py" line="59" />
      <source>Actor</source>
      <translation>Acteur</translation>
    </message>
    <message>
      <location filename="../../ui/editor/paste_preview.py" line="60" />
      <source>Marker</source>
      <translation>Repère</translation>
    </message>
    <message>
      <location filename="../../ui/editor/paste_preview.py" line="61" />
      <source>Suggested marker</source>
      <translation>Marqueur suggéré</translation>
    </message>
    <message>
      <location filename="../../ui/editor/paste_preview.py" line="62" />
      <source>Notes</source>
      <translation>Notes</translation>
    </message>
    <message>
      <location filename="../../ui/editor/paste_preview.py" line="128" />
      <source>time</source>
      <translation>heure</translation>
    </message>
    <message>
      <location filename="../../ui/editor/paste_preview.py" line="134" />
      <source>An event cannot be empty.</source>
      <translation>Un événement ne peut pas être vide.</translation>
    </message>
  </context>
  <context>
    <name>QuitGuard</name>
    <message>
      <location filename="../../ui/meeting/window_link.py" line="132" />
      <source>Quit Postmortem Studio</source>
      <translation>Quitter Postmortem Studio</translation>
    </message>
    <message>
      <location filename="../../ui/meeting/window_link.py" line="134" />
      <source>A meeting is running (step {0} of {1}). Quit anyway?
The meeting stays saved: Meeting ▸ Start meeting resumes it on this postmortem.</source>
      <translation>Une réunion est en cours (étape {0} sur {1}). Quitter quand même ?
La réunion reste enregistrée : Réunion ▸ Démarrer la réunion la reprend sur ce postmortem.</translation>
    </message>
    <message>
      <location filename="../../ui/meeting/window_link.py" line="137" />
      <source>Quit</source>
      <translation>Quitter</translation>
    </message>
  </context>
  <context>
    <name>RevisionsDialog</name>
    <message>
      <location filename="../../ui/revisions.py" line="47" />
      <source>History</source>
      <translation>Historique</translation>
    </message>
    <message>
      <location filename="../../ui/revisions.py" line="57" />
      <source>Take a snapshot now</source>
      <translation>Prendre un instantané maintenant</translation>
    </message>
    <message>
      <location filename="../../ui/revisions.py" line="59" />
      <source>Restore this revision</source>
      <translation>Restaurer cette révision</translation>
    </message>
    <message>
      <location filename="../../ui/revisions.py" line="61" />
      <source>Close</source>
      <translation>Fermer</translation>
    </message>
    <message>
      <location filename="../../ui/revisions.py" line="69" />
      <source>Compare</source>
      <translation>Comparer</translation>
    </message>
    <message>
      <location filename="../../ui/revisions.py" line="70" />
      <source>with</source>
      <translation>avec</translation>
    </message>
    <message>
      <location filename="../../ui/revisions.py" line="92" />
      <source>created</source>
      <translation>création</translation>
    </message>
    <message>
      <location filename="../../ui/revisions.py" line="94" />
      <source>duplicated</source>
      <translation>duplication</translation>
    </message>
    <message>
      <location filename="../../ui/revisions.py" line="96" />
      <source>snapshot on demand</source>
      <translation>instantané à la demande</translation>
    </message>
    <message>
      <location filename="../../ui/revisions.py" line="99" />
      <source>status: {0} → {1}</source>
      <translation>statut : {0} → {1}</translation>
    </message>
    <message>
      <location filename="../../ui/revisions.py" line="103" />
      <source>imported from {0}</source>
      <translation>importé de {0}</translation>
    </message>
    <message>
      <location filename="../../ui/revisions.py" line="108" />
      <source>{0} — {1} (revision {2})</source>
      <translation>{0} — {1} (révision {2})</translation>
    </message>
    <message>
      <location filename="../../ui/revisions.py" line="124" />
      <source>Current version</source>
      <translation>Version actuelle</translation>
    </message>
    <message>
      <location filename="../../ui/revisions.py" line="164" />
      <source>No difference.</source>
      <translation>Aucune différence.</translation>
    </message>
    <message>
      <location filename="../../ui/revisions.py" line="199" />
      <source>Restore revision of {0}</source>
      <translation>Restaurer la révision du {0}</translation>
    </message>
  </context>
  <context>
    <name>RowSection</name>
    <message>
      <location filename="../../ui/editor/row_section.py" line="47" />
      <source>Add</source>
      <translation>Ajouter</translation>
    </message>
    <message>
      <location filename="../../ui/editor/row_section.py" line="48" />
      <source>Delete</source>
      <translation>Supprimer</translation>
    </message>
    <message>
      <location filename="../../ui/editor/row_section.py" line="49" />
      <source>Move up</source>
      <translation>Monter</translation>
    </message>
    <message>
      <location filename="../../ui/editor/row_section.py" line="50" />
      <source>Move down</source>
      <translation>Descendre</translation>
    </message>
  </context>
  <context>
    <name>SignoffDialog</name>
    <message>
      <location filename="../../ui/signoff_dialog.py" line="53" />
      <source>Sign off the report</source>
      <translation>Signer le rapport</translation>
    </message>
    <message>
      <location filename="../../ui/signoff_dialog.py" line="57" />
      <source>Your sign-off approves the report exactly as it is now, signed with your own key. Any later edit makes it stale and the report goes back to review.</source>
      <translation>Votre signature, faite avec votre propre clé, approuve le rapport exactement tel qu'il est. Toute modification ultérieure la rend périmée et le rapport repart en relecture.</translation>
    </message>
    <message>
      <location filename="../../ui/signoff_dialog.py" line="73" />
      <source>Your full name</source>
      <translation>Votre nom complet</translation>
    </message>
    <message>
      <location filename="../../ui/signoff_dialog.py" line="76" />
      <source>e.g. Head of SRE</source>
      <translation>p. ex. Responsable SRE</translation>
    </message>
    <message>
      <location filename="../../ui/signoff_dialog.py" line="79" />
      <source>Optional, written in a new certificate</source>
      <translation>Facultatif, inscrit dans un nouveau certificat</translation>
    </message>
    <message>
      <location filename="../../ui/signoff_dialog.py" line="82" />
      <source>Your personal key (created on first use)</source>
      <translation>Votre clé personnelle (créée à la première utilisation)</translation>
    </message>
    <message>
      <location filename="../../ui/signoff_dialog.py" line="83" />
      <source>Own PKCS#12…</source>
      <translation>Mon PKCS#12…</translation>
    </message>
    <message>
      <location filename="../../ui/signoff_dialog.py" line="95" />
      <source>Passphrase again</source>
      <translation>Phrase secrète (bis)</translation>
    </message>
    <message>
      <location filename="../../ui/signoff_dialog.py" line="100" />
      <source>Role</source>
      <translation>Rôle</translation>
    </message>
    <message>
      <location filename="../../ui/signoff_dialog.py" line="101" />
      <source>Name</source>
      <translation>Nom</translation>
    </message>
    <message>
      <location filename="../../ui/signoff_dialog.py" line="102" />
      <source>Title</source>
      <translation>Titre</translation>
    </message>
    <message>
      <location filename="../../ui/signoff_dialog.py" line="103" />
      <source>E-mail</source>
      <translation>E-mail</translation>
    </message>
    <message>
      <location filename="../../ui/signoff_dialog.py" line="104" />
      <source>Key</source>
      <translation>Clé</translation>
    </message>
    <message>
      <location filename="../../ui/signoff_dialog.py" line="105" />
      <source>Passphrase</source>
      <translation>Phrase secrète</translation>
    </message>
    <message>
      <location filename="../../ui/signoff_dialog.py" line="110" />
      <source>Sign off</source>
      <translation>Signer</translation>
    </message>
    <message>
      <location filename="../../ui/signoff_dialog.py" line="124" />
      <source>Your PKCS#12 file</source>
      <translation>Votre fichier PKCS#12</translation>
    </message>
    <message>
      <location filename="../../ui/signoff_dialog.py" line="124" />
      <source>PKCS#12 (*.p12 *.pfx)</source>
      <translation>PKCS#12 (*.p12 *.pfx)</translation>
    </message>
    <message>
      <location filename="../../ui/signoff_dialog.py" line="141" />
      <source>Type your name.</source>
      <translation>Saisissez votre nom.</translation>
    </message>
    <message>
      <location filename="../../ui/signoff_dialog.py" line="144" />
      <source>A personal key will be created for you: choose a passphrase of at least {0} characters, and type it twice.</source>
      <translation>Une clé personnelle va être créée pour vous : choisissez une phrase secrète d'au moins {0} caractères et saisissez-la deux fois.</translation>
    </message>
    <message>
      <location filename="../../ui/signoff_dialog.py" line="148" />
      <source>The two passphrases differ.</source>
      <translation>Les deux phrases secrètes diffèrent.</translation>
    </message>
    <message>
      <location filename="../../ui/signoff_dialog.py" line="150" />
      <source>Type the passphrase of your key.</source>
      <translation>Saisissez la phrase secrète de votre clé.</translation>
    </message>
  </context>
  <context>
    <name>SignoffPage</name>
    <message>
      <location filename="../../ui/signoff_page.py" line="67" />
      <source>Role</source>
      <translation>Rôle</translation>
    </message>
    <message>
      <location filename="../../ui/signoff_page.py" line="68" />
      <source>Name</source>
      <translation>Nom</translation>
    </message>
    <message>
      <location filename="../../ui/signoff_page.py" line="69" />
      <source>Title</source>
      <translation>Titre</translation>
    </message>
    <message>
      <location filename="../../ui/signoff_page.py" line="70" />
      <source>Signed</source>
      <translation>Signé</translation>
    </message>
    <message>
      <location filename="../../ui/signoff_page.py" line="71" />
      <source>State</source>
      <translation>État</translation>
    </message>
    <message>
      <location filename="../../ui/signoff_page.py" line="77" />
      <source>Sign off…</source>
      <translation>Signer…</translation>
    </message>
    <message>
      <location filename="../../ui/signoff_page.py" line="79" />
      <source>Reopen as a new revision</source>
      <translation>Rouvrir en nouvelle révision</translation>
    </message>
    <message>
      <location filename="../../ui/signoff_page.py" line="89" />
      <source>Export PDF…</source>
      <translation>Exporter en PDF…</translation>
    </message>
    <message>
      <location filename="../../ui/signoff_page.py" line="91" />
      <source>Export for approval…</source>
      <translation>Exporter pour approbation…</translation>
    </message>
    <message>
      <location filename="../../ui/signoff_page.py" line="94" />
      <source>The PDF with an empty signature field for each role still to sign</source>
      <translation>Le PDF avec un champ de signature vide pour chaque rôle qui doit encore signer</translation>
    </message>
    <message>
      <location filename="../../ui/signoff_page.py" line="96" />
      <source>Collect signed PDF…</source>
      <translation>Recueillir un PDF signé…</translation>
    </message>
    <message>
      <location filename="../../ui/signoff_page.py" line="119" />
      <source>Report language</source>
      <translation>Langue du rapport</translation>
    </message>
    <message>
      <location filename="../../ui/signoff_page.py" line="121" />
      <source>Paper</source>
      <translation>Papier</translation>
    </message>
    <message>
      <location filename="../../ui/signoff_page.py" line="153" />
      <source>Open a postmortem to see its sign-offs.</source>
      <translation>Ouvrez un postmortem pour voir ses signatures.</translation>
    </message>
    <message>
      <location filename="../../ui/signoff_page.py" line="164" />
      <source>{0} — locked</source>
      <translation>{0} — verrouillé</translation>
    </message>
    <message>
      <location filename="../../ui/signoff_page.py" line="165" />
      <source>Status: {0} · revision {1}</source>
      <translation>Statut : {0} · révision {1}</translation>
    </message>
    <message>
      <location filename="../../ui/signoff_page.py" line="167" />
      <source>{0} sign-off(s) STALE or NOT VERIFIED: sign again</source>
      <translation>{0} signature(s) PÉRIMÉE(S) ou NON VÉRIFIÉE(S) : signez à nouveau</translation>
    </message>
    <message>
      <location filename="../../ui/signoff_page.py" line="191" />
      <source>Certificate sha256:{0}</source>
      <translation>Certificat sha256:{0}</translation>
    </message>
    <message>
      <location filename="../../ui/signoff_page.py" line="230" />
      <source>Sign off</source>
      <translation>Signer</translation>
    </message>
    <message>
      <location filename="../../ui/signoff_page.py" line="254" />
      <source>Export the report</source>
      <translation>Exporter le rapport</translation>
    </message>
    <message>
      <location filename="../../ui/signoff_page.py" line="254" />
      <location filename="../../ui/signoff_page.py" line="290" />
      <source>PDF (*.pdf)</source>
      <translation>PDF (*.pdf)</translation>
    </message>
    <message>
      <location filename="../../ui/signoff_page.py" line="281" />
      <source>Building {0}…</source>
      <translation>Création de {0}…</translation>
    </message>
    <message>
      <location filename="../../ui/signoff_page.py" line="290" />
      <source>Collect a signed PDF</source>
      <translation>Recueillir un PDF signé</translation>
    </message>
    <message>
      <location filename="../../ui/signoff_page.py" line="309" />
      <source>Collected {0}: {1}</source>
      <translation>{0} recueilli : {1}</translation>
    </message>
    <message>
      <location filename="../../ui/signoff_page.py" line="309" />
      <source>nothing new</source>
      <translation>rien de nouveau</translation>
    </message>
    <message>
      <location filename="../../ui/signoff_page.py" line="318" />
      <source>Unknown signer</source>
      <translation>Signataire inconnu</translation>
    </message>
    <message>
      <location filename="../../ui/signoff_page.py" line="321" />
      <source>Add this signer to the trust list for the role they signed, and collect?</source>
      <translation>Ajouter ce signataire à la liste de confiance pour le rôle signé, et recueillir ?</translation>
    </message>
    <message>
      <location filename="../../ui/signoff_page.py" line="331" />
      <source>Saved {0}</source>
      <translation>{0} enregistré</translation>
    </message>
    <message>
      <location filename="../../ui/signoff_page.py" line="338" />
      <source>Export failed.</source>
      <translation>L'export a échoué.</translation>
    </message>
  </context>
  <context>
    <name>SummaryPage</name>
    <message>
      <location filename="../../ui/editor/summary.py" line="27" />
      <source>What happened, who was affected, how it was resolved (3–5 sentences).</source>
      <translation>Ce qui s'est passé, qui a été touché, comment c'est résolu (3 à 5 phrases).</translation>
    </message>
    <message>
      <location filename="../../ui/editor/summary.py" line="34" />
      <source>Metric</source>
      <translation>Mesure</translation>
    </message>
    <message>
      <location filename="../../ui/editor/summary.py" line="35" />
      <source>Value</source>
      <translation>Valeur</translation>
    </message>
    <message>
      <location filename="../../ui/editor/summary.py" line="36" />
      <source>Target</source>
      <translation>Cible</translation>
    </message>
    <message>
      <location filename="../../ui/editor/summary.py" line="38" />
      <source>Objective</source>
      <translation>Objectif</translation>
    </message>
    <message>
      <location filename="../../ui/editor/summary.py" line="41" />
      <source>New metric</source>
      <translation>Nouvelle mesure</translation>
    </message>
    <message>
      <location filename="../../ui/editor/summary.py" line="46" />
      <source>Summary</source>
      <translation>Résumé</translation>
    </message>
    <message>
      <location filename="../../ui/editor/summary.py" line="49" />
      <source>Narrative</source>
      <translation>Récit</translation>
    </message>
    <message>
      <location filename="../../ui/editor/summary.py" line="51" />
      <source>The account in the team's words: trigger, detection, response…</source>
      <translation>Le récit dans les mots de l'équipe : déclencheur, détection, réponse…</translation>
    </message>
    <message>
      <location filename="../../ui/editor/summary.py" line="57" />
      <source>Impact</source>
      <translation>Impact</translation>
    </message>
    <message>
      <location filename="../../ui/editor/summary.py" line="59" />
      <source>Durations such as RTO or RPO show whether the target was met.</source>
      <translation>Les durées comme le RTO ou le RPO indiquent si la cible est atteinte.</translation>
    </message>
    <message>
      <location filename="../../ui/editor/summary.py" line="69" />
      <source>Met</source>
      <translation>Atteint</translation>
    </message>
    <message>
      <location filename="../../ui/editor/summary.py" line="71" />
      <source>The value is within the target.</source>
      <translation>La valeur respecte la cible.</translation>
    </message>
    <message>
      <location filename="../../ui/editor/summary.py" line="74" />
      <source>Missed</source>
      <translation>Manqué</translation>
    </message>
    <message>
      <location filename="../../ui/editor/summary.py" line="76" />
      <source>The value exceeds the target.</source>
      <translation>La valeur dépasse la cible.</translation>
    </message>
  </context>
  <context>
    <name>TimelinePage</name>
    <message>
      <location filename="../../ui/editor/timeline.py" line="49" />
      <source>Approximate: the source wrote “{0}”.</source>
      <translation>Approximatif : la source indiquait « {0} ».</translation>
    </message>
    <message>
      <location filename="../../ui/editor/timeline.py" line="62" />
      <source>Time</source>
      <translation>Heure</translation>
    </message>
    <message>
      <location filename="../../ui/editor/timeline.py" line="111" />
      <source>time</source>
      <translation>heure</translation>
    </message>
    <message>
      <location filename="../../ui/editor/timeline.py" line="68" />
      <source>Event</source>
      <translation>Événement</translation>
    </message>
    <message>
      <location filename="../../ui/editor/timeline.py" line="69" />
      <source>Actor</source>
      <translation>Acteur</translation>
    </message>
    <message>
      <location filename="../../ui/editor/timeline.py" line="72" />
      <source>Marker</source>
      <translation>Repère</translation>
    </message>
    <message>
      <location filename="../../ui/editor/timeline.py" line="78" />
      <source>Notes</source>
      <translation>Notes</translation>
    </message>
    <message>
      <location filename="../../ui/editor/timeline.py" line="80" />
      <source>As written</source>
      <translation>Tel qu'écrit</translation>
    </message>
    <message>
      <location filename="../../ui/editor/timeline.py" line="84" />
      <source>New event</source>
      <translation>Nouvel événement</translation>
    </message>
    <message>
      <location filename="../../ui/editor/timeline.py" line="91" />
      <source>Paste rows</source>
      <translation>Coller des lignes</translation>
    </message>
    <message>
      <location filename="../../ui/editor/timeline.py" line="94" />
      <source>Paste lines from a chat log or a Markdown table: each becomes a row.</source>
      <translation>Collez des lignes d'une discussion ou d'un tableau Markdown : chacune devient une ligne.</translation>
    </message>
    <message>
      <location filename="../../ui/editor/timeline.py" line="97" />
      <source>Put in time order</source>
      <translation>Trier par heure</translation>
    </message>
    <message>
      <location filename="../../ui/editor/timeline.py" line="135" />
      <source>The clipboard holds no text to paste. Copy lines from a chat log or a table first (e.g. [14:02] alice: rollback started).</source>
      <translation>Le presse-papiers ne contient aucun texte à coller. Copiez d'abord des lignes d'un chat ou un tableau (p. ex. [14:02] alice: rollback lancé).</translation>
    </message>
    <message>
      <location filename="../../ui/editor/timeline.py" line="148" />
      <source>No line of the pasted text starts with a time (e.g. 14:02 or [14:02]).</source>
      <translation>Aucune ligne du texte collé ne commence par une heure (par ex. 14:02 ou [14:02]).</translation>
    </message>
    <message>
      <location filename="../../ui/editor/timeline.py" line="164" />
      <source>Paste {0} timeline rows</source>
      <translation>Coller {0} lignes de chronologie</translation>
    </message>
  </context>
  <context>
    <name>TrackerModel</name>
    <message>
      <location filename="../../ui/tracker.py" line="238" />
      <source>Double-click to open this postmortem</source>
      <extracomment>(row, new status) asked by the status editor; the widget saves it through a session. raw rows of the pages read so far, and the records built from them rows of the postmortems being edited, as last read (see ``watch``)</extracomment>
      <translation>Double-cliquez pour ouvrir ce postmortem</translation>
    </message>
    <message numerus="yes">
      <location filename="../../ui/tracker.py" line="240" />
      <source>Overdue by %n day(s)</source>
      <translation>
        <numerusform>En retard de %n jour</numerusform>
        <numerusform>En retard de %n jours</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../../ui/tracker.py" line="259" />
      <source>(untitled)</source>
      <translation>(sans titre)</translation>
    </message>
    <message>
      <source>Due</source>
      <translation>Échéance</translation>
    </message>
    <message>
      <source>Priority</source>
      <translation>Priorité</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Statut</translation>
    </message>
    <message>
      <source>Owner</source>
      <translation>Responsable</translation>
    </message>
    <message>
      <source>Action</source>
      <translation>Action</translation>
    </message>
    <message>
      <source>Postmortem</source>
      <translation>Postmortem</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>Type</translation>
    </message>
  </context>
  <context>
    <name>TrackerWidget</name>
    <message>
      <location filename="../../ui/tracker.py" line="336" />
      <source>Owner…</source>
      <translation>Responsable…</translation>
    </message>
    <message>
      <location filename="../../ui/tracker.py" line="340" />
      <source>Action or ticket…</source>
      <translation>Action ou ticket…</translation>
    </message>
    <message>
      <location filename="../../ui/tracker.py" line="344" />
      <source>All statuses</source>
      <translation>Tous les statuts</translation>
    </message>
    <message>
      <location filename="../../ui/tracker.py" line="344" />
      <source>Open</source>
      <translation>Ouvertes</translation>
    </message>
    <message>
      <location filename="../../ui/tracker.py" line="350" />
      <source>All priorities</source>
      <translation>Toutes les priorités</translation>
    </message>
    <message>
      <location filename="../../ui/tracker.py" line="354" />
      <source>All kinds</source>
      <translation>Tous les types</translation>
    </message>
    <message>
      <location filename="../../ui/tracker.py" line="357" />
      <location filename="../../ui/tracker.py" line="431" />
      <source>All postmortems</source>
      <translation>Tous les postmortems</translation>
    </message>
    <message>
      <location filename="../../ui/tracker.py" line="362" />
      <source>Overdue only</source>
      <translation>En retard seulement</translation>
    </message>
    <message>
      <location filename="../../ui/tracker.py" line="366" />
      <source>Open postmortem</source>
      <translation>Ouvrir le postmortem</translation>
    </message>
    <message>
      <location filename="../../ui/tracker.py" line="368" />
      <source>Export CSV…</source>
      <translation>Exporter en CSV…</translation>
    </message>
    <message>
      <location filename="../../ui/tracker.py" line="433" />
      <source>(untitled)</source>
      <translation>(sans titre)</translation>
    </message>
    <message numerus="yes">
      <location filename="../../ui/tracker.py" line="472" />
      <source>%n action(s)</source>
      <translation>
        <numerusform>%n action</numerusform>
        <numerusform>%n actions</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location filename="../../ui/tracker.py" line="474" />
      <source>%n overdue</source>
      <translation>
        <numerusform>%n en retard</numerusform>
        <numerusform>%n en retard</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../../ui/tracker.py" line="524" />
      <source>Export actions</source>
      <translation>Exporter les actions</translation>
    </message>
    <message>
      <location filename="../../ui/tracker.py" line="524" />
      <source>CSV files (*.csv)</source>
      <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
      <location filename="../../ui/tracker.py" line="536" />
      <source>Cannot export to {0}: {1}</source>
      <translation>Impossible d'exporter vers {0} : {1}</translation>
    </message>
  </context>
  <context>
    <name>TrustListPage</name>
    <message>
      <location filename="../../ui/trust_page.py" line="51" />
      <source>Trust list: {0}</source>
      <translation>Liste de confiance : {0}</translation>
    </message>
    <message>
      <location filename="../../ui/trust_page.py" line="56" />
      <source>Signer</source>
      <translation>Signataire</translation>
    </message>
    <message>
      <location filename="../../ui/trust_page.py" line="56" />
      <source>Roles allowed</source>
      <translation>Rôles autorisés</translation>
    </message>
    <message>
      <location filename="../../ui/trust_page.py" line="56" />
      <source>Certificate (SHA-256)</source>
      <translation>Certificat (SHA-256)</translation>
    </message>
    <message>
      <location filename="../../ui/trust_page.py" line="61" />
      <source>Add certificate or signed PDF…</source>
      <translation>Ajouter un certificat ou un PDF signé…</translation>
    </message>
    <message>
      <location filename="../../ui/trust_page.py" line="63" />
      <source>Remove</source>
      <translation>Retirer</translation>
    </message>
    <message>
      <location filename="../../ui/trust_page.py" line="73" />
      <source>Roles: comma separated role names, or * for every role. A reviewed copy of this file can live in the team's repository (--trust or POSTMORTEM_STUDIO_TRUST).</source>
      <translation>Rôles : noms de rôles séparés par des virgules, ou * pour tous. Une copie relue de ce fichier peut vivre dans le dépôt de l'équipe (--trust ou POSTMORTEM_STUDIO_TRUST).</translation>
    </message>
    <message>
      <location filename="../../ui/trust_page.py" line="92" />
      <source> (certificate authority)</source>
      <translation> (autorité de certification)</translation>
    </message>
    <message>
      <location filename="../../ui/trust_page.py" line="104" />
      <source>A signer's certificate, or a PDF they signed</source>
      <translation>Le certificat d'un signataire, ou un PDF qu'il a signé</translation>
    </message>
    <message>
      <location filename="../../ui/trust_page.py" line="106" />
      <source>Certificates and PDFs (*.pem *.crt *.cer *.der *.pdf)</source>
      <translation>Certificats et PDF (*.pem *.crt *.cer *.der *.pdf)</translation>
    </message>
  </context>
  <context>
    <name>WelcomePage</name>
    <message>
      <location filename="../../ui/main_window.py" line="69" />
      <source>Welcome to Postmortem Studio</source>
      <extracomment>pause in editing after which the Report tab (when shown) renders the document again pause after an import or an edit after which the search rows that wait are written, so the next search does not pay for them</extracomment>
      <translation>Bienvenue dans Postmortem Studio</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="78" />
      <source>Your database has no postmortem yet.
Open the demo — a payment-service outage — to see every section filled in.</source>
      <translation>Votre base ne contient encore aucun postmortem.
Ouvrez la démonstration — une panne du payment-service — pour voir chaque section remplie.</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="87" />
      <source>Open the demo postmortem</source>
      <translation>Ouvrir le postmortem de démonstration</translation>
    </message>
  </context>
</TS>
