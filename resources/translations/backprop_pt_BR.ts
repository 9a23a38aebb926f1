<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pt_BR">
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="+29"/>
        <source>Backprop Visualizer</source>
        <translation>Visualizador de Retropropagação</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;File</source>
        <translation>&amp;Arquivo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;View</source>
        <translation>&amp;Exibir</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Help</source>
        <translation>Aj&amp;uda</translation>
    </message>
</context>
<context>
    <name>MathPanel</name>
    <message>
        <location filename="../../ui/math_panel.py" line="+92"/>
        <source>The current micro-step in the notes&apos; notation, with this example&apos;s numbers. Shapes are written under each matrix and vector.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Heat maps of the layer this step is about: blue cells are positive, orange negative; the grey column j = 0 holds the bias weights, the row “+1” the bias unit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Step {i} of {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Θ({k}) and the layers it joins, {k} → {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Grey: the bias column j = 0 of Θ (weights of the “+1” unit){reg}. Blank: not computed yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, never regularized</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Layer {l}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NetworkLegend</name>
    <message>
        <location filename="../../ui/network_legend.py" line="+31"/>
        <source>fill = activation a</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ring = delta d (solid +, dashed −)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Θ &gt; 0 (blue, solid)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Θ &lt; 0 (orange, dashed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>line width = |Θ|</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>bias unit +1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>How to read the network drawing</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ViewMenu</name>
    <message>
        <location filename="../../ui/view_menu.py" line="+99"/>
        <source>&amp;Language</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose the language of the user interface</source>
        <translation>Escolha o idioma da interface</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;System language (%1)</source>
        <translation>Idioma do &amp;sistema (%1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Follow the language of the operating system</source>
        <translation>Seguir o idioma do sistema operacional</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Show the user interface in %1</source>
        <translation>Mostrar a interface em %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Theme</source>
        <translation>&amp;Tema</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;System theme</source>
        <translation>Tema do &amp;sistema</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Follow the light or dark setting of the operating system</source>
        <translation>Seguir a configuração clara ou escura do sistema operacional</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Light</source>
        <translation>&amp;Claro</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Dark text on a light background</source>
        <translation>Texto escuro sobre fundo claro</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Dark</source>
        <translation>&amp;Escuro</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Light text on a dark background</source>
        <translation>Texto claro sobre fundo escuro</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Presenter mode</source>
        <translation>Modo a&amp;presentação</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Larger text, thicker lines and bigger neurons for a projector (F5)</source>
        <translation>Texto maior, linhas mais grossas e neurônios maiores para projetor (F5)</translation>
    </message>
</context>
</TS>
