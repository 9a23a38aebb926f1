<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pt_BR">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../ui/shell/help_dialogs.py" line="+15"/>
        <source>CS231n, lecture 4: Introduction to Neural Networks (Stanford)</source>
        <extracomment>The &quot;more information&quot; list of the course notes, in their order.</extracomment>
        <translation>CS231n, aula 4: introdução às redes neurais (Stanford, em inglês)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Siraj Raval — Backpropagation in 5 minutes</source>
        <translation>Siraj Raval — Retropropagação em 5 minutos (em inglês)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Andrew Ng — Machine Learning course (Coursera)</source>
        <translation>Andrew Ng — curso de Machine Learning (Coursera)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Brilliant — Backpropagation (in-depth, wiki-style article)</source>
        <translation>Brilliant — Backpropagation (artigo detalhado, estilo wiki, em inglês)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Wikipedia — Backpropagation</source>
        <translation>Wikipédia — Backpropagation (em inglês)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Matt Mazur — A Step by Step Backpropagation Example (2015)</source>
        <translation>Matt Mazur — A Step by Step Backpropagation Example (exemplo passo a passo, 2015, em inglês)</translation>
    </message>
    <message>
        <location line="+82"/>
        <source>About Backprop Visualizer</source>
        <translation>Sobre o Backprop Visualizer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Backprop Visualizer plays the backpropagation algorithm of the course notes one micro-step at a time — forward activations, backward deltas, the accumulators Δ, the gradient D and the update — with the real numbers of one training example.</source>
        <translation>O Backprop Visualizer executa o algoritmo de retropropagação da apostila um micropasso por vez — ativações para a frente, deltas para trás, os acumuladores Δ, o gradiente D e a atualização — com os números reais de um exemplo de treinamento.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Where the notes slip, the app shows the corrected algorithm: d(l) uses g′(z(l)), not g(z(l)); l runs from L−1 down to 2; the bias column j = 0 is not regularized.</source>
        <translation>Onde a apostila escorrega, o aplicativo mostra o algoritmo corrigido: d(l) usa g′(z(l)), não g(z(l)); l vai de L−1 até 2; a coluna de viés j = 0 não é regularizada.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>References cited by the notes</source>
        <translation>Referências citadas na apostila</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Version {0}</source>
        <translation>Versão {0}</translation>
    </message>
</context>
<context>
    <name>Accessibility</name>
    <message>
        <location filename="wrapped_strings.py" line="+28"/>
        <source>Network drawing</source>
        <translation>Desenho da rede</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Equation of the current step</source>
        <translation>Equação do passo atual</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tables of the current layer</source>
        <translation>Tabelas da camada atual</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Learning rate α, logarithmic slider</source>
        <translation>Taxa de aprendizado α, controle deslizante logarítmico</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Examples per mini-batch</source>
        <translation>Exemplos por minilote</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cost plot</source>
        <translation>Gráfico do custo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accuracy plot</source>
        <translation>Gráfico da acurácia</translation>
    </message>
</context>
<context>
    <name>ArchitectureEditor</name>
    <message>
        <location filename="../../ui/training/architecture_editor.py" line="+119"/>
        <source>Network: %1</source>
        <translation>Rede: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Neurons per layer, input first. The input and output sizes follow the data set.</source>
        <translation>Neurônios por camada, a de entrada primeiro. Os tamanhos das camadas de entrada e de saída seguem o conjunto de dados.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No hidden layer</source>
        <translation>Nenhuma camada oculta</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Layer</source>
        <translation>Camada</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Neurons</source>
        <translation>Neurônios</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Activation g</source>
        <translation>Ativação g</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>+ layer</source>
        <translation>+ camada</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>− layer</source>
        <translation>− camada</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>g of layer %1 (changing it draws new random weights)</source>
        <translation>g da camada %1 (mudá-la sorteia novos pesos aleatórios)</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>Add a hidden layer (at most %1)</source>
        <translation>Adicionar uma camada oculta (no máximo %1)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Remove the last hidden layer</source>
        <translation>Remover a última camada oculta</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Neurons in layer %1 (1 to %2); changing it draws new random weights</source>
        <translation>Neurônios na camada %1 (de 1 a %2); mudar o valor sorteia novos pesos aleatórios</translation>
    </message>
</context>
<context>
    <name>BoundaryView</name>
    <message>
        <location filename="../../ui/training/boundary_view.py" line="+109"/>
        <source>The network&apos;s output at every point of the plane. Hover a neuron in the network to see its own output here. Click a training point to step through that example.</source>
        <translation>A saída da rede em cada ponto do plano. Passe o mouse sobre um neurônio da rede para ver aqui a saída dele. Clique num ponto de treinamento para percorrer esse exemplo passo a passo.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>class %1</source>
        <translation>classe %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 ● orange</source>
        <translation>%1 ● laranja</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 ■ blue</source>
        <translation>%1 ■ azul</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 ▲ green</source>
        <translation>%1 ▲ verde</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Filled: training example · hollow: test example
%1</source>
        <translation>Cheio: exemplo de treinamento · vazado: exemplo de teste
%1</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>No decision boundary here: the targets are numbers to approach (such as 0.01 and 0.99 in Mazur&apos;s example), not classes. Pick a data set such as XOR in the Data tab to see one.</source>
        <translation>Aqui não há fronteira de decisão: os alvos são números a aproximar (como 0,01 e 0,99 no exemplo de Mazur), não classes. Escolha um conjunto de dados como XOR na aba Dados para ver uma.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Output a(%1): orange → class 0, blue → class 1, line at a(%1) = 0.5</source>
        <translation>Saída a(%1): laranja → classe 0, azul → classe 1, linha em a(%1) = 0,5</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Output a(%1): colour of the most likely class, paler where the network is unsure</source>
        <translation>Saída a(%1): cor da classe mais provável, mais clara onde a rede está em dúvida</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Neuron %1 of layer %2: its output a(%2) over the plane (orange low, blue high)</source>
        <translation>Neurônio %1 da camada %2: sua saída a(%2) sobre o plano (laranja baixa, azul alta)</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>The decision boundary needs data with two input features; this data has %1.</source>
        <translation>A fronteira de decisão precisa de dados com dois atributos de entrada; estes dados têm %1.</translation>
    </message>
</context>
<context>
    <name>CanvasInteraction</name>
    <message>
        <location filename="../../ui/canvas/interaction.py" line="+106"/>
        <source>Bias unit of layer {0}: always 1; its weights are column 0 of Θ({0})</source>
        <translation>Unidade de viés da camada {0}: sempre 1; seus pesos são a coluna 0 de Θ({0})</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Layer {0}, neuron {1}</source>
        <translation>Camada {0}, neurônio {1}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>a({0})_{1}</source>
        <translation>a({0})_{1}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Θ({0})[{1}, {2}]: from {3} to neuron {4} of layer {5}</source>
        <translation>Θ({0})[{1}, {2}]: de {3} para o neurônio {4} da camada {5}</translation>
    </message>
</context>
<context>
    <name>CanvasNote</name>
    <message>
        <location filename="../../ui/canvas/note.py" line="+32"/>
        <source>Θ({0}): showing the {1} strongest of {2} connections</source>
        <translation>Θ({0}): mostrando as {1} conexões mais fortes de {2}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>gradient D({0})</source>
        <translation>gradiente D({0})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>contribution d({0})·[1; a({1})]ᵀ</source>
        <translation>contribuição d({0})·[1; a({1})]ᵀ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edges of Θ({0}) show the {1}; grey lines are the weights</source>
        <translation>As conexões de Θ({0}) mostram: {1}; as linhas cinza são os pesos</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Heat map: row i holds the weights into neuron i of the next layer, bias first; blue +, orange −, grey 0. Click a neuron to see its weights as edges with numbers.</source>
        <translation>Mapa de calor: a linha i traz os pesos que entram no neurônio i da camada seguinte, viés primeiro; azul +, laranja −, cinza 0. Clique num neurônio para ver seus pesos como conexões com números.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Edges show the weights Θ: colour and dash give the sign, width the size |Θ|</source>
        <translation>As conexões mostram os pesos Θ: cor e tracejado dão o sinal, a espessura dá o tamanho |Θ|</translation>
    </message>
</context>
<context>
    <name>ChainRuleView</name>
    <message>
        <location filename="../../ui/maths/chain_rule_view.py" line="+233"/>
        <source>Chain rule of {w}</source>
        <translation>Regra da cadeia de {w}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>how this weight reaches J, one local derivative per arrow; their product is ∂loss/∂θ for the example.</source>
        <translation>como este peso chega a J, uma derivada local por seta; o produto delas é ∂perda/∂θ para o exemplo.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Example t:</source>
        <translation>Exemplo t:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>loss, example {t}</source>
        <translation>perda, exemplo {t}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>∂loss/∂a = {v}</source>
        <translation>∂perda/∂a = {v}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>∂loss/∂a = Σₖ Θₖ{i}·dₖ = {v}</source>
        <translation>∂perda/∂a = Σₖ Θₖ{i}·dₖ = {v}</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>∂loss/∂a · g′(z) = {d}</source>
        <translation>∂perda/∂a · g′(z) = {d}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(Σₖ Θ({n})ₖ{i} d({m})ₖ) · g′(z) = {d}, summed over every path through layer {m}</source>
        <translation>(Σₖ Θ({n})ₖ{i} d({m})ₖ) · g′(z) = {d}, somando todos os caminhos pela camada {m}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>For this example: ∂loss/∂θ = {d} · {a} = {v}</source>
        <translation>Para este exemplo: ∂perda/∂θ = {d} · {a} = {v}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Over the m = {m} example(s) of the step-through: D = (1/m) Σₜ {d}·{a}</source>
        <translation>Sobre o(s) m = {m} exemplo(s) do passo a passo: D = (1/m) Σₜ {d}·{a}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The step-through&apos;s D({l}){ij} = {v}; its d values are the d(l) of the trace.</source>
        <translation>O D({l}){ij} do passo a passo = {v}; os valores d são os d(l) do rastro.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The loss slice: J as a function of {w} alone, every other weight fixed (41 values). The dashed line is the tangent at the current value: its slope is D = {D}. D is the slope of J along this weight.</source>
        <translation>O corte da perda: J como função só de {w}, com todos os outros pesos fixos (41 valores). A linha tracejada é a tangente no valor atual: sua inclinação é D = {D}. D é a inclinação de J ao longo deste peso.</translation>
    </message>
</context>
<context>
    <name>Checks</name>
    <message>
        <location filename="../../ui/maths/checks.py" line="+38"/>
        <source>&amp;Gradient check…</source>
        <translation>Verificação do &amp;gradiente…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compare every D with central differences (J(θ+ε) − J(θ−ε)) / 2ε, as a heat map per Θ(l)</source>
        <translation>Compara cada D com diferenças centrais (J(θ+ε) − J(θ−ε)) / 2ε, num mapa de calor por Θ(l)</translation>
    </message>
</context>
<context>
    <name>CompareBar</name>
    <message>
        <location filename="../../ui/training/compare.py" line="+291"/>
        <source>Comparing %1 with %2</source>
        <translation>Comparando %1 com %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>compared J %1</source>
        <translation>J comparado %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>stopped: it ran away</source>
        <translation>parou: divergiu</translation>
    </message>
</context>
<context>
    <name>CompareController</name>
    <message>
        <location line="-131"/>
        <source>The compared run ran away and stopped at epoch %1; this run goes on.</source>
        <translation>O treino comparado divergiu e parou na época %1; este treino continua.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 (this run)</source>
        <translation>%1 (este treino)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (compared)</source>
        <translation>%1 (comparado)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>this g</source>
        <translation>este g</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+1"/>
        <source>α = %1</source>
        <translation>α = %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1, α = %2</source>
        <translation>%1, α = %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>seed %1</source>
        <translation>semente %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>this run</source>
        <translation>este treino</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>the same again</source>
        <translation>o mesmo de novo</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>gradient descent</source>
        <translation>descida do gradiente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>momentum</source>
        <translation>momento</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Adam</source>
        <translation>Adam</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>uniform ±ε init</source>
        <translation>inicialização uniforme ±ε</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Xavier init</source>
        <translation>inicialização de Xavier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>He init</source>
        <translation>inicialização de He</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>correct</source>
        <translation>correto</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Compare…</source>
        <translation>Comparar…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Train a second copy of this network with one thing changed (g, α, optimizer, initialization or a classic mistake) and draw both runs&apos; curves</source>
        <translation>Treinar uma segunda cópia desta rede com uma única coisa mudada (g, α, otimizador, inicialização ou um erro clássico) e desenhar as curvas dos dois treinos</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show compared run</source>
        <translation>Mostrar treino comparado</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show the compared run&apos;s network on the canvas (read-only) instead of this one</source>
        <translation>Mostrar na tela a rede do treino comparado (somente leitura) em vez desta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop comparing</source>
        <translation>Parar de comparar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>End the compared run; this run goes on</source>
        <translation>Encerrar o treino comparado; este treino continua</translation>
    </message>
</context>
<context>
    <name>CompareDialog</name>
    <message>
        <location filename="wrapped_strings.py" line="+50"/>
        <source>Compare two runs</source>
        <translation>Comparar dois treinos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the same settings: both curves must coincide</source>
        <translation>as mesmas configurações: as duas curvas devem coincidir</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>with α</source>
        <translation>com α</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The learning rate the other optimizer trains with; proposed for it, and yours to change</source>
        <translation>A taxa de aprendizado com que o outro otimizador treina; sugerida para ele, e você pode mudá-la</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The compared run changes:</source>
        <translation>O treino comparado muda:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>to:</source>
        <translation>para:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hidden activation g</source>
        <translation>Ativação oculta g</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Learning rate α</source>
        <translation>Taxa de aprendizado α</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Optimizer</source>
        <translation>Otimizador</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Initialization</source>
        <translation>Inicialização</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A classic mistake (What if…)</source>
        <translation>Um erro clássico (E se…)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing (a control run)</source>
        <translation>Nada (um treino de controle)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gradient descent</source>
        <translation>Descida do gradiente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Momentum (β = 0.9)</source>
        <translation>Momento (β = 0,9)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Adam</source>
        <translation>Adam</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>uniform ±ε (the notes)</source>
        <translation>uniforme ±ε (as notas)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Xavier</source>
        <translation>Xavier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>He</source>
        <translation>He</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>None — the correct algorithm</source>
        <translation>Nenhum — o algoritmo correto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start both runs again from the weights of seed %1</source>
        <translation>Recomeçar os dois treinos dos pesos da semente %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Both runs start from the same weights; only the one thing chosen differs.</source>
        <translation>Os dois treinos partem dos mesmos pesos; só a coisa escolhida difere.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Both runs start from the same weights. The compared run trains with its optimizer&apos;s own α = %1 (this run: α = %2): Adam steps about α per weight whatever the size of D, so one α cannot suit both. Set the same α to change the optimizer alone.</source>
        <translation>As duas execuções começam dos mesmos pesos. A execução comparada treina com o α próprio do seu otimizador, α = %1 (esta execução: α = %2): o Adam dá passos de cerca de α por peso, qualquer que seja o tamanho de D, então um só α não serve para os dois. Ponha o mesmo α para mudar apenas o otimizador.</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>They train on the same data with the same mini-batches, epoch by epoch; the cost and gradient-health plots draw both.</source>
        <translation>Eles treinam com os mesmos dados e os mesmos mini-lotes, época a época; os gráficos de custo e de saúde do gradiente desenham os dois.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The compared run draws its own initial weights with the same seed (%1) by the rule chosen; everything else is the same.</source>
        <translation>O treino comparado sorteia seus próprios pesos iniciais com a mesma semente (%1) pela regra escolhida; todo o resto é igual.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Both go on from epoch %1, from the weights this run has now.</source>
        <translation>Os dois seguem da época %1, a partir dos pesos que este treino tem agora.</translation>
    </message>
</context>
<context>
    <name>ComparedCanvas</name>
    <message>
        <location filename="../../ui/training/compare_canvas.py" line="+99"/>
        <source>Showing the compared run (%1), read-only</source>
        <translation>Mostrando o treino comparado (%1), somente leitura</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Showing this run (%1)</source>
        <translation>Mostrando este treino (%1)</translation>
    </message>
</context>
<context>
    <name>DataControls</name>
    <message>
        <location filename="../../ui/training/data_controls.py" line="+67"/>
        <source>%1 training and %2 test examples, 1 feature, data seed %4</source>
        <translation>Exemplos: %1 de treinamento e %2 de teste; 1 atributo; semente dos dados %4</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 training and %2 test examples, %3 features, data seed %4</source>
        <translation>Exemplos: %1 de treinamento e %2 de teste; %3 atributos; semente dos dados %4</translation>
    </message>
    <message>
        <location filename="wrapped_strings.py" line="+2"/>
        <source>Mazur&apos;s worked example</source>
        <translation>Exemplo resolvido de Mazur</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>(current data)</source>
        <translation>(dados atuais)</translation>
    </message>
    <message>
        <location line="-24"/>
        <source>XOR</source>
        <translation>XOR</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>XOR truth table (4 examples)</source>
        <translation>Tabela-verdade do XOR (4 exemplos)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>AND</source>
        <translation>AND</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>OR</source>
        <translation>OR</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Circles</source>
        <translation>Círculos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Two moons</source>
        <translation>Duas luas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Two spirals</source>
        <translation>Duas espirais</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Three blobs (3 classes)</source>
        <translation>Três aglomerados (3 classes)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Iris flowers (4 features, 3 classes)</source>
        <translation>Flores íris (4 atributos, 3 classes)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Handwritten digits 8×8 (64 features, 10 classes)</source>
        <translation>Dígitos manuscritos 8×8 (64 atributos, 10 classes)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>y = sin x (1 feature, regression)</source>
        <translation>y = sen x (1 atributo, regressão)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>y = |x| (1 feature, regression)</source>
        <translation>y = |x| (1 atributo, regressão)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A step (1 feature, regression)</source>
        <translation>Um degrau (1 atributo, regressão)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cubic y = 4x³ − 3x (1 feature, regression)</source>
        <translation>Cúbica y = 4x³ − 3x (1 atributo, regressão)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The examples to learn from; changing the number of inputs or outputs draws a new network</source>
        <translation>Os exemplos com que a rede aprende; mudar o número de entradas ou de saídas desenha uma nova rede</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Standard deviation of the Gaussian noise added to the generated points</source>
        <translation>Desvio-padrão do ruído gaussiano somado aos pontos gerados</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> % test</source>
        <translation> % teste</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Share of the examples held out as a test set: never trained on, shown as hollow markers and a dashed curve</source>
        <translation>Parte dos exemplos separada como conjunto de teste: nunca usada no treinamento, mostrada com marcadores vazados e curva tracejada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Regenerate</source>
        <translation>Gerar de novo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Draw a new sample of this data set (next data seed)</source>
        <translation>Sortear uma nova amostra deste conjunto de dados (próxima semente)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The network&apos;s inputs, computed from each point (x₁, x₂): each feature ticked is one input neuron; at least one stays on</source>
        <translation>As entradas da rede, calculadas a partir de cada ponto (x₁, x₂): cada atributo marcado é um neurônio de entrada; pelo menos um fica marcado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Input features are for data sets of points of a plane (two features)</source>
        <translation>Os atributos de entrada valem para conjuntos de dados de pontos de um plano (dois atributos)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Crossed features (x₁², x₁x₂, …) only for points of a plane (x₁, x₂), such as XOR</source>
        <translation>Atributos combinados (x₁², x₁x₂, …) só para pontos de um plano (x₁, x₂), como o XOR</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Data set</source>
        <translation>Conjunto de dados</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Noise</source>
        <translation>Ruído</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Test set</source>
        <translation>Conjunto de teste</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Inputs</source>
        <translation>Entradas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File “%1”</source>
        <translation>Arquivo “%1”</translation>
    </message>
</context>
<context>
    <name>DataPlot</name>
    <message>
        <location filename="../../ui/training/data_plot.py" line="+53"/>
        <source>Regression curve h(x)</source>
        <translation>Curva de regressão h(x)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decision boundary</source>
        <translation>Fronteira de decisão</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Curve</source>
        <comment>dock tab</comment>
        <translation>Curva</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Boundary</source>
        <comment>dock tab</comment>
        <translation>Fronteira</translation>
    </message>
</context>
<context>
    <name>EdgeMenu</name>
    <message>
        <location filename="../../ui/training/landscape_dock.py" line="+40"/>
        <source>Loss landscape: %1 on the x axis</source>
        <translation>Paisagem do custo: %1 no eixo x</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Loss landscape: %1 on the y axis</source>
        <translation>Paisagem do custo: %1 no eixo y</translation>
    </message>
</context>
<context>
    <name>Engine</name>
    <message>
        <location filename="../../engine/activations.py" line="+173"/>
        <source>unknown output {name!r}: expected one of {allowed}</source>
        <translation>saída desconhecida {name!r}: esperava-se uma destas: {allowed}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>unknown hidden activation {name!r}: expected one of {allowed}</source>
        <translation>ativação oculta desconhecida {name!r}: esperava-se uma destas: {allowed}</translation>
    </message>
    <message>
        <location line="+129"/>
        <source>g is the sigmoid</source>
        <translation>g é a sigmoide</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>sigmoid</source>
        <translation>sigmoide</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>g is tanh</source>
        <translation>g é a tanh</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>tanh</source>
        <translation>tanh</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>g is ReLU</source>
        <translation>g é a ReLU</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>ReLU</source>
        <translation>ReLU</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>g is the identity</source>
        <translation>g é a identidade</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>linear</source>
        <translation>linear</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>g is the leaky ReLU (slope 0.01 below 0)</source>
        <translation>g é a ReLU com vazamento (inclinação 0,01 abaixo de 0)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>leaky ReLU</source>
        <translation>ReLU com vazamento</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>g is the ELU: z above 0, e^z − 1 below</source>
        <translation>g é a ELU: z acima de 0, e^z − 1 abaixo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ELU</source>
        <translation>ELU</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>g is the softplus, a smooth ReLU</source>
        <translation>g é a softplus, uma ReLU suave</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>softplus</source>
        <translation>softplus</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>g is the GELU (its tanh approximation)</source>
        <translation>g é a GELU (sua aproximação por tanh)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GELU</source>
        <translation>GELU</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the output layer uses softmax</source>
        <translation>a camada de saída usa softmax</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>softmax</source>
        <translation>softmax</translation>
    </message>
    <message>
        <location filename="../../engine/files/csv_import.py" line="+82"/>
        <source>the file is UTF-16 text; save it as UTF-8 CSV</source>
        <translation>o arquivo está em texto UTF-16; salve-o como CSV em UTF-8</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+79"/>
        <source>the file is binary, not CSV text</source>
        <translation>o arquivo é binário, não um texto CSV</translation>
    </message>
    <message>
        <location line="-70"/>
        <source>line {line}: the text is neither UTF-8 nor Windows-1252</source>
        <translation>linha {line}: o texto não está em UTF-8 nem em Windows-1252</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>line {line}: a quoted cell runs on to line {end}; is a closing quote missing?</source>
        <translation>linha {line}: uma célula entre aspas continua até a linha {end}; falta fechar as aspas?</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>more than {limit} rows; the limit is {limit}</source>
        <translation>mais de {limit} linhas; o limite é {limit}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>line {line}: a cell of more than {limit} characters; is the separator right?</source>
        <translation>linha {line}: uma célula com mais de {limit} caracteres; o separador está certo?</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>line {line}: {reason}</source>
        <translation>linha {line}: {reason}</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>the lines end with a carriage return only (an old Mac format); save the file with ordinary line ends</source>
        <translation>as linhas terminam só com um retorno de carro (um formato antigo do Mac); salve o arquivo com quebras de linha comuns</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the file has no data rows</source>
        <translation>o arquivo não tem linhas de dados</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the file has a header but no data rows</source>
        <translation>o arquivo tem cabeçalho, mas nenhuma linha de dados</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>line {line}: {width} columns; the limit is {limit}</source>
        <translation>linha {line}: {width} colunas; o limite é {limit}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>line {line}: only one column; a data set needs at least one feature column and a label column (separator {separator})</source>
        <translation>linha {line}: só uma coluna; um conjunto de dados precisa de pelo menos uma coluna de atributos e uma coluna de rótulos (separador {separator})</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>1 cell</source>
        <translation>1 célula</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{count} cells</source>
        <translation>{count} células</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>line {line}: {cells}, but the header has {width} (separator {separator})</source>
        <translation>linha {line}: {cells}, mas o cabeçalho tem {width} (separador {separator})</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>line {line}: {cells}, but the first row has {width} (separator {separator})</source>
        <translation>linha {line}: {cells}, mas a primeira linha tem {width} (separador {separator})</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>tab</source>
        <translation>tabulação</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>there is no column named {label!r} (the file has no header)</source>
        <translation>não há coluna chamada {label!r} (o arquivo não tem cabeçalho)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>there is no column named {label!r} (columns: {columns})</source>
        <translation>não há coluna chamada {label!r} (colunas: {columns})</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>label column {label} is outside 0..{last}</source>
        <translation>a coluna do rótulo {label} está fora de 0..{last}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>column {number} ({name!r})</source>
        <translation>coluna {number} ({name!r})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>column {number}</source>
        <translation>coluna {number}</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>task must be auto, classification or regression, got {task!r}</source>
        <translation>a tarefa deve ser auto, classification ou regression, mas é {task!r}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{rows} rows × {columns} columns is more than the limit of {limit} values</source>
        <translation>{rows} linhas × {columns} colunas passam do limite de {limit} valores</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>line {line}, {column}: empty cell</source>
        <translation>linha {line}, {column}: célula vazia</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>line {line}, {column}: {cell!r} is not a number</source>
        <translation>linha {line}, {column}: {cell!r} não é um número</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+22"/>
        <source>line {line}, {column}: {cell!r} is not a finite number</source>
        <translation>linha {line}, {column}: {cell!r} não é um número finito</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>the file has only one data row; a data set needs at least two</source>
        <translation>o arquivo tem só uma linha de dados; um conjunto de dados precisa de pelo menos duas</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>line {line}, {column}: empty label</source>
        <translation>linha {line}, {column}: rótulo vazio</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>line {line}, {column}: {cell!r} is not a number (regression needs numbers)</source>
        <translation>linha {line}, {column}: {cell!r} não é um número (a regressão precisa de números)</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>{column}: every row has the class {name!r}; a classifier needs at least two classes</source>
        <translation>{column}: todas as linhas têm a classe {name!r}; um classificador precisa de pelo menos duas classes</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{column}: {count} different classes; the limit is {limit}</source>
        <translation>{column}: {count} classes diferentes; o limite é {limit}</translation>
    </message>
    <message>
        <location filename="../../engine/datasets.py" line="+106"/>
        <source>test ratio must be in [0, 1), got {ratio!r}</source>
        <translation>a fração de teste deve estar em [0; 1), mas é {ratio!r}</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>unknown generated data set {name!r}: expected one of {allowed}</source>
        <translation>conjunto de dados gerado desconhecido {name!r}: esperava-se um destes: {allowed}</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>unknown shipped data set {name!r}: expected one of {allowed}</source>
        <translation>conjunto de dados incluído desconhecido {name!r}: esperava-se um destes: {allowed}</translation>
    </message>
    <message>
        <location filename="../../engine/files/safe_read.py" line="+41"/>
        <location line="+7"/>
        <source>{file}: not a regular file (a folder, device or pipe); only files can be opened</source>
        <translation>{file}: não é um arquivo comum (é uma pasta, um dispositivo ou um pipe); só arquivos podem ser abertos</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>{file}: the file is {size} MB; the limit is {limit} MB</source>
        <translation>{file}: o arquivo tem {size} MB; o limite é {limit} MB</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{file}: cannot read the file ({reason})</source>
        <translation>{file}: não foi possível ler o arquivo ({reason})</translation>
    </message>
    <message>
        <location line="+31"/>
        <location line="+37"/>
        <source>{file}: cannot write the file ({reason})</source>
        <translation>{file}: não foi possível gravar o arquivo ({reason})</translation>
    </message>
    <message>
        <location line="-32"/>
        <source>{file}: not a regular file (a folder, device or pipe); it is not replaced</source>
        <translation>{file}: não é um arquivo comum (é uma pasta, um dispositivo ou um pipe); ele não é substituído</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{file}: the file is read-only; save under another name or make it writable</source>
        <translation>{file}: o arquivo é somente leitura; salve com outro nome ou permita a gravação</translation>
    </message>
    <message>
        <location filename="../../engine/losses.py" line="+49"/>
        <source>unknown loss {name!r}: expected one of {allowed}</source>
        <extracomment>Whether the loss is a log-likelihood (its targets must lie in [0, 1]). Whether d(L) carries the factor g′(z(L)) (it cancels for cross-entropy). The loss&apos;s name as the UI shows it (English, context &quot;Engine&quot;).</extracomment>
        <translation>perda desconhecida {name!r}: esperava-se uma destas: {allowed}</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>cross-entropy</source>
        <translation>entropia cruzada</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>loss &apos;cross_entropy&apos; needs a sigmoid or softmax output (probabilities), not &apos;linear&apos;: use loss &apos;squared_error&apos; for a linear output</source>
        <translation>a perda &apos;cross_entropy&apos; (entropia cruzada) precisa de uma saída sigmoid ou softmax (probabilidades), não &apos;linear&apos;: use a perda &apos;squared_error&apos; para uma saída linear</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>½ squared error</source>
        <translation>erro quadrático ½</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>loss &apos;squared_error&apos; cannot be paired with a softmax output: its d(L) would need the full softmax Jacobian; use loss &apos;cross_entropy&apos; with softmax</source>
        <translation>a perda &apos;squared_error&apos; (erro quadrático) não combina com uma saída softmax: o d(L) dela precisaria da jacobiana completa da softmax; use a perda &apos;cross_entropy&apos; com softmax</translation>
    </message>
    <message>
        <location filename="../../engine/messages.py" line="+84"/>
        <source>{file}: {reason}</source>
        <extracomment>The Qt translation context of every engine text.</extracomment>
        <translation>{file}: {reason}</translation>
    </message>
    <message>
        <location filename="../../engine/lesson/scoring.py" line="+24"/>
        <source>outputs must be a 2-D (m, K) array, got shape {shape}</source>
        <translation>as saídas devem ser uma matriz 2-D (m, K), mas têm forma {shape}</translation>
    </message>
    <message>
        <location line="+16"/>
        <location line="+13"/>
        <source>outputs {outputs} and targets {targets} must have the same shape</source>
        <translation>as saídas {outputs} e os alvos {targets} devem ter a mesma forma</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>accuracy needs at least one example</source>
        <translation>a acurácia precisa de pelo menos um exemplo</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>RMSE needs at least one example</source>
        <translation>o RMSE precisa de pelo menos um exemplo</translation>
    </message>
    <message>
        <location filename="../../engine/lesson/plane_grid.py" line="+50"/>
        <source>a boundary grid needs points of shape (m, 2), got {shape}</source>
        <translation>a grade da fronteira de decisão precisa de pontos de forma (m, 2), mas eles têm forma {shape}</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+24"/>
        <source>grid resolution must be at least 2, got {resolution}</source>
        <translation>a resolução da grade deve ser pelo menos 2, mas é {resolution}</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>a grid needs a finite rectangle, got x {x}, y {y}</source>
        <translation>a grade precisa de um retângulo finito, mas tem x {x}, y {y}</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>layer must be 1..{last}, got {layer}</source>
        <translation>a camada deve ser 1..{last}, mas é {layer}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>layer {layer} has {size} units; index {index} is outside 0..{last}</source>
        <translation>a camada {layer} tem {size} neurônios; o índice {index} está fora de 0..{last}</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>the plane&apos;s points became network inputs of shape {shape}; the network takes {n} inputs per point</source>
        <translation>os pontos do plano viraram entradas da rede de formato {shape}; a rede recebe {n} entradas por ponto</translation>
    </message>
    <message>
        <location filename="../../engine/validation.py" line="+241"/>
        <source>Θ({l}) must keep shape {shape}, got {got}</source>
        <translation>Θ({l}) deve manter a forma {shape}, mas tem forma {got}</translation>
    </message>
    <message>
        <location filename="../../engine/network.py" line="+121"/>
        <source>activation lists one g per hidden layer: expected {count} names for layer sizes {sizes}, got {got}</source>
        <translation>activation lista uma g por camada oculta: esperados {count} nomes para os tamanhos de camada {sizes}, recebidos {got}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>dtype must be float64 or float32, got {dtype}</source>
        <translation>o dtype deve ser float64 ou float32, mas é {dtype}</translation>
    </message>
    <message>
        <location filename="../../engine/gradient_check.py" line="+114"/>
        <location filename="../../engine/network.py" line="+57"/>
        <source>layer l must be 1..{last}, got {l}</source>
        <extracomment>The floor of the relative difference&apos;s denominator: where D and the central difference are both zero (an input that is always 0, say) the two agree, and 0/0 must not say otherwise. The notes&apos; step for central differences. Below this relative difference an entry agrees: the notes expect about 10⁻⁹; a small D can reach 10⁻⁷ from the central difference&apos;s own ε² error; a wrong gradient gives 10⁻⁴ and more.</extracomment>
        <translation>a camada l deve ser 1..{last}, mas é {l}</translation>
    </message>
    <message>
        <location line="+4"/>
        <location filename="../../engine/network.py" line="+4"/>
        <source>Θ({l}) has shape {shape}; index ({i}, {j}) is outside it</source>
        <translation>Θ({l}) tem forma {shape}; o índice ({i}, {j}) está fora dela</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>D has shapes {got}; the network&apos;s Θ have {expected}</source>
        <translation>D tem as formas {got}; as Θ da rede têm {expected}</translation>
    </message>
    <message>
        <location filename="../../engine/network.py" line="+4"/>
        <source>a weight must be a finite number, got {value!r}</source>
        <translation>um peso deve ser um número finito, mas é {value!r}</translation>
    </message>
    <message>
        <location filename="../../engine/lesson/health.py" line="+151"/>
        <location filename="../../engine/validation.py" line="-26"/>
        <source>regularization λ must be a finite number ≥ 0, got {lam!r}</source>
        <translation>a regularização λ deve ser um número finito ≥ 0, mas é {lam!r}</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>the health recording step must be a power of two, got {every}</source>
        <translation>o passo de registro da saúde deve ser uma potência de dois, recebido {every}</translation>
    </message>
    <message>
        <location line="+90"/>
        <source>unknown health figure {name!r}: expected one of {names}</source>
        <translation>medida de saúde desconhecida {name!r}: esperava uma de {names}</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>every record needs {layers} rows of {n} numbers</source>
        <translation>cada registro precisa de {layers} linhas de {n} números</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>gradient health: missing or malformed field ({reason})</source>
        <translation>saúde do gradiente: campo ausente ou malformado ({reason})</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>gradient health: epochs must increase and fit the capacity</source>
        <translation>saúde do gradiente: as épocas devem crescer e caber na capacidade</translation>
    </message>
    <message>
        <location filename="../../engine/validation.py" line="+17"/>
        <source>learning rate must be a positive finite number, got {lr!r}</source>
        <translation>a taxa de aprendizado deve ser um número finito positivo, mas é {lr!r}</translation>
    </message>
    <message>
        <location filename="../../engine/network.py" line="+116"/>
        <source>the cost J is not finite ({J}); the weights were kept</source>
        <translation>o custo J não é finito ({J}); os pesos foram mantidos</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>batch size must be at least 1, got {size}</source>
        <translation>o tamanho do lote deve ser pelo menos 1, mas é {size}</translation>
    </message>
    <message>
        <location filename="../../engine/batched.py" line="+160"/>
        <location line="+15"/>
        <source>D({l}) is not finite; the weights were kept</source>
        <translation>D({l}) não é finito; os pesos foram mantidos</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Θ({l}) would become infinite; the weights were kept</source>
        <translation>Θ({l}) ficaria infinito; os pesos foram mantidos</translation>
    </message>
    <message>
        <location filename="../../engine/initializers.py" line="+26"/>
        <source>unknown initialization {name!r}: expected one of {allowed}</source>
        <translation>inicialização desconhecida {name!r}: esperava-se uma destas: {allowed}</translation>
    </message>
    <message>
        <location filename="../../engine/optimizers.py" line="+156"/>
        <source>unknown optimizer {name!r}: expected one of {allowed}</source>
        <translation>otimizador desconhecido {name!r}: esperava-se um destes: {allowed}</translation>
    </message>
    <message>
        <location filename="../../engine/files/session_checks.py" line="+34"/>
        <source>expecting a value</source>
        <translation>esperava-se um valor</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>expecting a property name in double quotes</source>
        <translation>esperava-se um nome de propriedade entre aspas duplas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>expecting &apos;:&apos;</source>
        <translation>esperava-se &apos;:&apos;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>expecting &apos;,&apos;</source>
        <translation>esperava-se &apos;,&apos;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a text in quotes is not closed</source>
        <translation>um texto entre aspas não foi fechado</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a control character inside a text</source>
        <translation>um caractere de controle dentro de um texto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>more data after the end of the document</source>
        <translation>há mais dados depois do fim do documento</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{name} is not a number a session may hold (numbers must be finite)</source>
        <translation>{name} não é um número que uma sessão possa guardar (os números devem ser finitos)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>the key {name} appears twice in one object; a file that says two things is ambiguous</source>
        <translation>a chave {name} aparece duas vezes no mesmo objeto; um arquivo que diz duas coisas é ambíguo</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>line {line}, column {column}: not valid JSON ({reason})</source>
        <translation>linha {line}, coluna {column}: JSON inválido ({reason})</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>a whole number in the file has more than {limit} digits</source>
        <translation>um número inteiro no arquivo tem mais de {limit} dígitos</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the JSON is nested too deeply</source>
        <translation>o JSON tem níveis aninhados demais</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the file must be a JSON object</source>
        <translation>o arquivo deve ser um objeto JSON</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../engine/files/session_comparison.py" line="+112"/>
        <source>{name} must be a JSON object</source>
        <translation>{name} deve ser um objeto JSON</translation>
    </message>
    <message>
        <location filename="../../engine/files/lesson.py" line="+76"/>
        <source>{name} must be a text or an object of texts by language, got {value}</source>
        <translation>{name} deve ser um texto ou um objeto de textos por idioma, mas é {value}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{name} must be a text of 1 to {limit} characters, got {value}</source>
        <translation>{name} deve ser um texto de 1 a {limit} caracteres, mas é {value}</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>lesson.cards must hold 1 to {limit} cards, got {count}</source>
        <translation>lesson.cards deve ter de 1 a {limit} cartões, mas tem {count}</translation>
    </message>
    <message>
        <location line="+7"/>
        <location filename="../../engine/files/session_checks.py" line="+6"/>
        <location filename="../../engine/files/session_training.py" line="+183"/>
        <source>{name} is missing</source>
        <translation>{name} está faltando</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{name} counts micro-steps from 1, got {value}</source>
        <translation>{name} conta os micropassos a partir de 1, mas é {value}</translation>
    </message>
    <message>
        <location filename="../../engine/files/session_checks.py" line="+6"/>
        <source>{name} must be {kind}, got {value}</source>
        <translation>{name} deve ser {kind}, mas é {value}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>a whole number</source>
        <translation>um número inteiro</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a number</source>
        <translation>um número</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>text</source>
        <translation>texto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>true or false</source>
        <translation>true ou false</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a list</source>
        <translation>uma lista</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>an object</source>
        <translation>um objeto</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{first} or {second}</source>
        <translation>{first} ou {second}</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>{name} must be at most {hi:g}, got {value}</source>
        <translation>{name} deve ser no máximo {hi:g}, mas é {value}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{name} must be at least {lo:g}, got {value}</source>
        <translation>{name} deve ser no mínimo {lo:g}, mas é {value}</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+63"/>
        <location filename="../../engine/files/session_training.py" line="+12"/>
        <location filename="../../engine/lesson/history.py" line="+322"/>
        <source>{name} must be finite, got {value!r}</source>
        <translation>{name} deve ser finito, mas é {value!r}</translation>
    </message>
    <message>
        <location line="-60"/>
        <source>{name} must be greater than 0, got {value!r}</source>
        <translation>{name} deve ser maior que 0, mas é {value!r}</translation>
    </message>
    <message>
        <location line="+4"/>
        <location filename="../../engine/files/session_training.py" line="-56"/>
        <source>{name} must be at least {lo:g}, got {value!r}</source>
        <translation>{name} deve ser pelo menos {lo:g}, mas é {value!r}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{name} must be at most {hi:g}, got {value!r}</source>
        <translation>{name} deve ser no máximo {hi:g}, mas é {value!r}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{name} must be a whole number 0..{limit}, got {value}</source>
        <translation>{name} deve ser um número inteiro 0..{limit}, mas é {value}</translation>
    </message>
    <message>
        <location line="+34"/>
        <location filename="../../engine/files/session_training.py" line="+5"/>
        <location line="+43"/>
        <source>the number of entries in {name} is {count}; expected {width}</source>
        <translation>o número de entradas em {name} é {count}; esperava-se {width}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>the number of rows of {name} is {count}; expected {rows}</source>
        <translation>o número de linhas de {name} é {count}; esperava-se {rows}</translation>
    </message>
    <message>
        <location filename="../../engine/files/lesson.py" line="-19"/>
        <location line="+24"/>
        <location filename="../../engine/files/session_checks.py" line="-37"/>
        <location line="+90"/>
        <source>{name} must be one of {allowed}, got {value}</source>
        <translation>{name} deve ser um de {allowed}, mas é {value}</translation>
    </message>
    <message>
        <location filename="../../engine/files/session_checks.py" line="-79"/>
        <source>{name} must be a list of rows, got {value}</source>
        <translation>{name} deve ser uma lista de linhas, mas é {value}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{name} has no rows</source>
        <translation>{name} não tem linhas</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{name} must be a list of numbers, got {value}</source>
        <translation>{name} deve ser uma lista de números, mas é {value}</translation>
    </message>
    <message>
        <location line="+11"/>
        <location filename="../../engine/files/session_training.py" line="+5"/>
        <source>{name} must be a number, got {value}</source>
        <translation>{name} deve ser um número, mas é {value}</translation>
    </message>
    <message>
        <location filename="../../engine/files/session_write.py" line="+147"/>
        <source>the session cannot be written as JSON ({reason})</source>
        <translation>a sessão não pode ser gravada como JSON ({reason})</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the session is {size} MB of text; files over {limit} MB could not be opened again</source>
        <translation>a sessão tem {size} MB de texto; arquivos acima de {limit} MB não poderiam ser abertos de novo</translation>
    </message>
    <message>
        <location filename="../../engine/files/session_format.py" line="+89"/>
        <source>network.layer_sizes must list 2..{limit} layers, got {count}</source>
        <translation>network.layer_sizes deve listar 2..{limit} camadas, mas lista {count}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{name} must be a whole number 1..{limit}, got {value}</source>
        <translation>{name} deve ser um número inteiro 1..{limit}, mas é {value}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>network.layer_sizes {sizes} need {count} weights; the limit is {limit}</source>
        <translation>network.layer_sizes {sizes} exige {count} pesos; o limite é {limit}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the number of matrices in network.thetas is {count}; layer_sizes {sizes} need {needed}</source>
        <translation>o número de matrizes em network.thetas é {count}; layer_sizes {sizes} exige {needed}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>network: {reason}</source>
        <translation>network: {reason}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{name} lists {count} activations; the network has {hidden} hidden layers</source>
        <translation>{name} lista {count} ativações; a rede tem {hidden} camadas ocultas</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>settings.batch_size must be empty (full batch) or 1..{limit}, got {value}</source>
        <translation>settings.batch_size deve ser vazio (lote completo) ou 1..{limit}, mas é {value}</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>predictions: first_try + after_hint ({right}) exceed asked ({asked})</source>
        <translation>predictions: first_try + after_hint ({right}) passam de asked ({asked})</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>data.features lists {n} features; there are {limit}</source>
        <translation>data.features lista {n} atributos; existem {limit}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>data.features: {reason}</source>
        <translation>data.features: {reason}</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>data.seed must be 0..2^63−1, got {seed}</source>
        <translation>data.seed deve ser 0..2^63−1, mas é {seed}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>data.n must be 2..{limit}, got {n}</source>
        <translation>data.n deve ser 2..{limit}, mas é {n}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>data: could not make data set {name!r}: {reason}</source>
        <translation>data: não foi possível gerar o conjunto de dados {name!r}: {reason}</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>{name} must be a list of text</source>
        <translation>{name} deve ser uma lista de textos</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>data.features needs a data set of points with two features</source>
        <translation>data.features precisa de um conjunto de dados de pontos com dois atributos</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>data holds {count} numbers; the limit is {limit}</source>
        <translation>data contém {count} números; o limite é {limit}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>data.Y_test: {reason}</source>
        <translation>data.Y_test: {reason}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>data: {reason}</source>
        <translation>data: {reason}</translation>
    </message>
    <message>
        <location filename="../../engine/files/session_checks.py" line="+25"/>
        <source>history holds more than {limit} values</source>
        <translation>history contém mais de {limit} valores</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../engine/files/session_free_form.py" line="+40"/>
        <source>{name} is nested more than {limit} levels deep</source>
        <translation>{name} tem mais de {limit} níveis aninhados</translation>
    </message>
    <message>
        <location line="+10"/>
        <location filename="../../engine/files/session_free_form.py" line="+13"/>
        <source>{name} must be finite or null, got {value!r}</source>
        <translation>{name} deve ser finito ou null, mas é {value!r}</translation>
    </message>
    <message>
        <location filename="../../engine/files/session_format.py" line="+8"/>
        <source>the file is not a session: expected a JSON object at the top level</source>
        <translation>o arquivo não é uma sessão: esperava-se um objeto JSON no nível mais externo</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>format must be {format!r}, got {value}: this is not a Backprop Visualizer session</source>
        <translation>format deve ser {format!r}, mas é {value}: isto não é uma sessão do Backprop Visualizer</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>version {version} is not supported (written by a newer version of the app); this app reads version {supported}</source>
        <translation>a versão {version} não é suportada (foi escrita por uma versão mais nova do aplicativo); este aplicativo lê a versão {supported}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>version {version} is not supported; this app reads version {supported}</source>
        <translation>a versão {version} não é suportada; este aplicativo lê a versão {supported}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>stepper.example must be 0..{last}, got {value}</source>
        <translation>stepper.example deve ser 0..{last}, mas é {value}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>stepper.examples must be 1..{last}, got {value}</source>
        <translation>stepper.examples deve ser 1..{last}, mas é {value}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>stepper.cursor must be 0..{last} for {layers} layers, got {value}</source>
        <translation>stepper.cursor deve ser 0..{last} para {layers} camadas, mas é {value}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>preset must be mazur, custom or a data set name, got {value}</source>
        <translation>preset deve ser mazur, custom ou o nome de um conjunto de dados, mas é {value}</translation>
    </message>
    <message>
        <location filename="../../engine/files/session_landscape.py" line="+20"/>
        <source>landscape: {reason}</source>
        <translation>paisagem do custo: {reason}</translation>
    </message>
    <message>
        <location filename="../../engine/files/session_format.py" line="+34"/>
        <source>the file is larger than the {limit} MB limit</source>
        <translation>o arquivo passa do limite de {limit} MB</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the file is UTF-32 text; sessions are UTF-8 JSON</source>
        <translation>o arquivo está em texto UTF-32; sessões são JSON em UTF-8</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the file is UTF-16 text; sessions are UTF-8 JSON</source>
        <translation>o arquivo está em texto UTF-16; sessões são JSON em UTF-8</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the file is binary, not a JSON session</source>
        <translation>o arquivo é binário, não uma sessão JSON</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the file is not UTF-8 text (bad byte at offset {offset})</source>
        <translation>o arquivo não é texto UTF-8 (byte inválido na posição {offset})</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the file is empty</source>
        <translation>o arquivo está vazio</translation>
    </message>
    <message>
        <location filename="../../engine/lesson/presets.py" line="+267"/>
        <source>unknown preset {name!r}: expected mazur or one of {allowed}</source>
        <translation>exemplo pronto desconhecido {name!r}: esperava-se mazur ou um destes: {allowed}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>input features need a data set of points; preset {name!r} is an article&apos;s fixed example</source>
        <translation>atributos de entrada precisam de um conjunto de dados de pontos; a predefinição {name!r} é o exemplo fixo de um artigo</translation>
    </message>
    <message>
        <location filename="../../engine/trace.py" line="+160"/>
        <source>step index {index} outside 0..{last}</source>
        <translation>índice de passo {index} fora de 0..{last}</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>no examples to step through (m = {m})</source>
        <translation>não há exemplos para o passo a passo (m = {m})</translation>
    </message>
    <message>
        <location filename="../../engine/validation.py" line="-172"/>
        <source>a network needs at least 2 layers (input and output), got {count}</source>
        <translation>uma rede precisa de pelo menos 2 camadas (entrada e saída), mas tem {count}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>layer {layer} size must be a whole number, got {size!r}</source>
        <translation>o tamanho da camada {layer} deve ser um número inteiro, mas é {size!r}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>layer {layer} size must be at least 1, got {size}</source>
        <translation>o tamanho da camada {layer} deve ser pelo menos 1, mas é {size}</translation>
    </message>
    <message>
        <location line="-42"/>
        <source>{name} must be a real number, got {value}</source>
        <translation>{name} deve ser um número real, mas é {value}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{name} must be a finite number in {bounds}, got {value!r}</source>
        <translation>{name} deve ser um número finito em {bounds}, mas é {value!r}</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>{name} must be a whole number {lo}..{hi}, got {value}</source>
        <translation>{name} deve ser um número inteiro {lo}..{hi}, mas é {value}</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>layer {layer} size {size} is larger than the limit {limit} (the session format&apos;s)</source>
        <translation>o tamanho {size} da camada {layer} passa do limite {limit} (o do formato de sessão)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>a network may have at most {limit} layers (the session format&apos;s limit), got {count}</source>
        <translation>uma rede pode ter no máximo {limit} camadas (o limite do formato de sessão), mas tem {count}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>layer sizes {sizes} need {count} weights; the limit (the session format&apos;s) is {limit}</source>
        <translation>os tamanhos de camada {sizes} precisam de {count} pesos; o limite (o do formato de sessão) é {limit}</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>a network needs at least one weight matrix Θ(1)</source>
        <translation>uma rede precisa de pelo menos uma matriz de pesos Θ(1)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Θ({l}) is not a numeric matrix: {reason}</source>
        <translation>Θ({l}) não é uma matriz numérica: {reason}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Θ({l}) must be a 2-D matrix, got shape {shape}</source>
        <translation>Θ({l}) deve ser uma matriz 2-D, mas tem forma {shape}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Θ({l}) has shape {shape}: it needs at least 1 row and 2 columns (column 0 holds the bias weights)</source>
        <translation>Θ({l}) tem forma {shape}: precisa de pelo menos 1 linha e 2 colunas (a coluna 0 guarda os pesos de viés)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Θ({l}) contains NaN or infinite values</source>
        <translation>Θ({l}) contém NaN ou valores infinitos</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Θ({l}) has shape {shape} but Θ({previous}) has shape {prev_shape}: Θ({l}) needs {columns} columns (1 bias + {rows})</source>
        <translation>Θ({l}) tem formato {shape}, mas Θ({previous}) tem formato {prev_shape}: Θ({l}) precisa de {columns} colunas (1 viés + {rows})</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>{name} must have shape (m, {inputs}) to match the network&apos;s input layer s(1) = {inputs}, got {shape}</source>
        <translation>{name} deve ter formato (m, {inputs}) para casar com a camada de entrada da rede, s(1) = {inputs}, mas tem {shape}</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>X and Y must have one row per example, the same number: X has {m}, Y {rows}</source>
        <translation>X e Y devem ter uma linha por exemplo, o mesmo número: X tem {m}, Y {rows}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Y must have shape ({m}, {outputs}) to match the network&apos;s output layer s(L) = {outputs}, got {shape}</source>
        <translation>Y deve ter formato ({m}, {outputs}) para casar com a camada de saída da rede, s(L) = {outputs}, mas tem {shape}</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>the number of matrices must be {count}, one per Θ(l), got {got}</source>
        <translation>o número de matrizes deve ser {count}, uma por Θ(l), mas é {got}</translation>
    </message>
    <message>
        <location line="-111"/>
        <source>{name} is not numeric: {reason}</source>
        <translation>{name} não é numérico: {reason}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{name} must be a 2-D array of shape (m, {inputs}), got {shape}</source>
        <translation>{name} deve ser uma matriz 2-D de forma (m, {inputs}), mas tem forma {shape}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{name} has no examples (shape {shape})</source>
        <translation>{name} não tem exemplos (forma {shape})</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{name} contains NaN or infinite values (first at row {row}, column {column})</source>
        <translation>{name} contém NaN ou valores infinitos (o primeiro na linha {row}, coluna {column})</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Y is not numeric: {reason}</source>
        <translation>Y não é numérico: {reason}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Y contains NaN or infinite values</source>
        <translation>Y contém NaN ou valores infinitos</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Y is 1-D, so it must hold class labels 0..{last}, but it has non-integer values</source>
        <translation>Y é 1-D, então deve conter rótulos de classe 0..{last}, mas tem valores não inteiros</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>class label out of range: labels must be 0..{last} for {outputs} outputs, got values from {lo:g} to {hi:g}</source>
        <translation>rótulo de classe fora do intervalo: os rótulos devem ser 0..{last} para {outputs} saídas, mas vão de {lo:g} a {hi:g}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Y must be (m, {outputs}) or 1-D labels, got shape {shape}</source>
        <translation>Y deve ser (m, {outputs}) ou rótulos 1-D, mas tem forma {shape}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>targets out of range: cross-entropy needs targets in [0, 1], got values from {lo:g} to {hi:g}</source>
        <translation>alvos fora do intervalo: a entropia cruzada precisa de alvos em [0; 1], mas eles vão de {lo:g} a {hi:g}</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>L1 regularization λ₁ must be a finite number ≥ 0, got {lam!r}</source>
        <translation>a regularização L1 λ₁ deve ser um número finito ≥ 0, mas é {lam!r}</translation>
    </message>
    <message>
        <location filename="../../engine/lesson/history.py" line="-269"/>
        <source>history capacity must be an even number ≥ 4, got {capacity}</source>
        <translation>a capacidade do histórico deve ser um número par ≥ 4, mas é {capacity}</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>epochs must increase: got {epoch} after {newest}</source>
        <translation>as épocas devem ser crescentes: veio {epoch} depois de {newest}</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>unknown history series {name!r}: expected one of {names}</source>
        <translation>série do histórico desconhecida {name!r}: esperava-se uma de {names}</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>training history: missing or malformed field ({reason})</source>
        <translation>histórico de treinamento: campo ausente ou malformado ({reason})</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>training history: every series must have one value per epoch</source>
        <translation>histórico de treinamento: cada série deve ter um valor por época</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>training history: epochs must increase and fit the capacity</source>
        <translation>histórico de treinamento: as épocas devem ser crescentes e caber na capacidade</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>{name} must be a list with one number or null per epoch</source>
        <translation>{name} deve ser uma lista com um número ou null por época</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{name} has {count} entries; expected one per epoch ({expected})</source>
        <translation>{name} tem {count} entradas; deveria ter uma por época ({expected})</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{name} must be a number or null, got {value!r}</source>
        <translation>{name} deve ser um número ou null, mas é {value!r}</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>{name} must be at most {value_name} ({value}), got {bound}</source>
        <translation>{name} deve ser no máximo {value_name} ({value}), mas é {bound}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{name} must be at least {value_name} ({value}), got {bound}</source>
        <translation>{name} deve ser pelo menos {value_name} ({value}), mas é {bound}</translation>
    </message>
    <message>
        <location filename="../../ui/files/session_io.py" line="+95"/>
        <location line="+7"/>
        <location filename="../../engine/files/session_checks.py" line="+14"/>
        <source>history: {reason}</source>
        <translation>history: {reason}</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>the window cannot show this session ({reason}); your session is kept</source>
        <translation>a janela não consegue mostrar esta sessão ({reason}); sua sessão foi mantida</translation>
    </message>
    <message>
        <location filename="../../engine/files/session_comparison.py" line="-44"/>
        <source>{name} must be empty when nothing is changed</source>
        <translation>{name} deve ficar vazio quando nada muda</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{name} goes with a changed optimizer only</source>
        <translation>{name} só acompanha uma troca de otimizador</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>{name} is {value}, but the compared network must be the main one except for its {change}: expected {expected}</source>
        <translation>{name} é {value}, mas a rede comparada deve ser a principal exceto pelo(a) {change}: esperava-se {expected}</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>{name} must be at least start_epoch ({start}), got {value}</source>
        <translation>{name} deve ser no mínimo start_epoch ({start}), mas é {value}</translation>
    </message>
    <message>
        <location line="+5"/>
        <location filename="../../engine/files/session_training.py" line="-117"/>
        <location line="+44"/>
        <source>the number of matrices in {name} is {count}; expected {needed}, one per Θ(l)</source>
        <translation>o número de matrizes em {name} é {count}; esperava-se {needed}, uma por Θ(l)</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>comparison: {reason}</source>
        <translation>comparação: {reason}</translation>
    </message>
    <message>
        <location filename="../../engine/files/session_training.py" line="-36"/>
        <source>{name} has shape {shape}; Θ({l}) has {expected}</source>
        <translation>{name} tem a forma {shape}; Θ({l}) tem {expected}</translation>
    </message>
    <message>
        <location line="+95"/>
        <source>{name} must be a multiple of settings.batch_size ({batch}), got {value}</source>
        <translation>{name} deve ser um múltiplo de settings.batch_size ({batch}), mas é {value}</translation>
    </message>
    <message>
        <location filename="../../engine/lesson/divergence.py" line="+103"/>
        <source>Training ran away after epoch {epoch} because α·λ/m = {a:g}·{lam:g}/{m} = {ratio:.3g} is above {limit:g}, so the weight decay alone flips Θ to a larger value each step: lower α or λ, or use larger mini-batches. Weights, epoch counter, loss history and optimizer are back at epoch {epoch}.</source>
        <translation>O treinamento divergiu após a época {epoch} porque α·λ/m = {a:g}·{lam:g}/{m} = {ratio:.3g} passa de {limit:g}, e assim só o decaimento dos pesos já leva Θ a um valor maior, de sinal trocado, a cada passo: diminua α ou λ, ou use minilotes maiores. Pesos, contador de épocas, histórico da perda e otimizador voltaram à época {epoch}.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Training ran away after epoch {epoch} because an activation overflowed ({activation} hidden, {output} output: z grew too large to compute g(z)): lower α or scale the inputs. Weights, epoch counter, loss history and optimizer are back at epoch {epoch}.</source>
        <translation>O treinamento divergiu após a época {epoch} porque uma ativação estourou ({activation} nas camadas ocultas, {output} na saída: z ficou grande demais para calcular g(z)): diminua α ou reescale as entradas. Pesos, contador de épocas, histórico da perda e otimizador voltaram à época {epoch}.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Training ran away after epoch {epoch} because the learning rate α = {a:g} is too large: each step overshoots the minimum and the weights grew past {safe:g}. Lower α, then press Train. Weights, epoch counter, loss history and optimizer are back at epoch {epoch}.</source>
        <translation>O treinamento divergiu após a época {epoch} porque a taxa de aprendizado α = {a:g} é grande demais: cada passo ultrapassa o mínimo e os pesos passaram de {safe:g}. Diminua α e pressione Treinar. Pesos, contador de épocas, histórico da perda e otimizador voltaram à época {epoch}.</translation>
    </message>
    <message>
        <location filename="../../engine/files/session_free_form.py" line="-16"/>
        <source>{name} holds more than {limit} values</source>
        <translation>{name} contém mais de {limit} valores</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>{name} holds a lone surrogate ({value}), which no UTF-8 file can hold</source>
        <translation>{name} contém um substituto isolado ({value}), que nenhum arquivo UTF-8 pode conter</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>{name} must be a finite number, got {value}</source>
        <translation>{name} deve ser um número finito, mas é {value}</translation>
    </message>
    <message>
        <location filename="../../engine/chain_rule.py" line="+160"/>
        <source>points must be odd and at least 3, got {points}</source>
        <translation>points deve ser ímpar e no mínimo 3, mas é {points}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>span must be a positive number, got {span}</source>
        <translation>span deve ser um número positivo, mas é {span}</translation>
    </message>
    <message>
        <location filename="../../engine/lesson/landscape.py" line="+65"/>
        <source>weight l,i,j = {l},{i},{j} is not in the network {sizes}: l must be 1..{last}</source>
        <translation>o peso l,i,j = {l},{i},{j} não está na rede {sizes}: l deve ser 1..{last}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>weight l,i,j = {l},{i},{j} is not in the network {sizes}: Θ({l}) has i 1..{rows} and j 0..{cols} (j = 0 is the bias)</source>
        <translation>o peso l,i,j = {l},{i},{j} não está na rede {sizes}: Θ({l}) tem i 1..{rows} e j 0..{cols} (j = 0 é o viés)</translation>
    </message>
    <message>
        <location line="+113"/>
        <location filename="../../engine/lesson/landscape_plane.py" line="+95"/>
        <source>the landscape needs two different weights, got {w} twice</source>
        <translation>a superfície de custo precisa de dois pesos diferentes, recebeu {w} duas vezes</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../engine/lesson/landscape_plane.py" line="+130"/>
        <source>the landscape&apos;s span must be a positive number, got {span!r}</source>
        <translation>a amplitude da superfície de custo deve ser um número positivo, recebeu {span!r}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the landscape needs 2..{most} steps per side, got {steps}</source>
        <translation>a superfície de custo precisa de 2..{most} passos por lado, recebeu {steps}</translation>
    </message>
    <message>
        <location filename="../../engine/mistakes.py" line="+74"/>
        <source>g instead of g′</source>
        <translation>g em vez de g′</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>l running down to 1</source>
        <translation>l descendo até 1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>λ on the bias column</source>
        <translation>λ na coluna de viés</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>forgetting 1/m</source>
        <translation>esquecer o 1/m</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no g′ at the output</source>
        <translation>sem g′ na saída</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>updating uphill (+αD)</source>
        <translation>atualizar morro acima (+αD)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>forgetting the bias unit</source>
        <translation>esquecer a unidade de viés</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the bias row kept in Θᵀd</source>
        <translation>a linha de viés mantida em Θᵀd</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the wrong transpose</source>
        <translation>a transposta errada</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the hidden deltas use g(z) instead of g′(z): D is no longer the gradient</source>
        <translation>os deltas ocultos usam g(z) em vez de g′(z): D deixa de ser o gradiente</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>d(1) is computed too: it costs work and changes nothing, since no Θ feeds the input layer</source>
        <translation>d(1) também é calculado: dá trabalho e não muda nada, pois nenhum Θ alimenta a camada de entrada</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>λ acts on the bias column 0 as well: D(l) gains (λ/m)Θ(l) there</source>
        <translation>λ age também na coluna 0 de viés: D(l) ganha (λ/m)Θ(l) ali</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>D = Δ + λΘ: every D is m times too large</source>
        <translation>D = Δ + λΘ: cada D fica m vezes grande demais</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>d(L) = a(L) − y without g′(z(L)): wrong for the squared error (right, by luck, for cross-entropy)</source>
        <translation>d(L) = a(L) − y sem g′(z(L)): errado para o erro quadrático (certo, por sorte, para a entropia cruzada)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Θ := Θ + αD climbs the cost instead of descending it</source>
        <translation>Θ := Θ + αD sobe o custo em vez de descê-lo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the bias unit 1 was left out of [1; a(l)]</source>
        <translation>a unidade de viés 1 ficou fora de [1; a(l)]</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the bias row 0 of Θᵀd(l+1) was kept instead of dropped</source>
        <translation>a linha 0 de viés de Θᵀd(l+1) foi mantida em vez de descartada</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a product used Θ for Θᵀ (or a·dᵀ for d·aᵀ)</source>
        <translation>um produto usou Θ no lugar de Θᵀ (ou a·dᵀ no lugar de d·aᵀ)</translation>
    </message>
    <message>
        <location line="+97"/>
        <source>unknown mistake {name!r}; use one of {names}</source>
        <translation>erro desconhecido {name!r}; use um de {names}</translation>
    </message>
    <message>
        <location filename="../../engine/features.py" line="+43"/>
        <source>x₁</source>
        <translation>x₁</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>x₂</source>
        <translation>x₂</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>x₁²</source>
        <translation>x₁²</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>x₂²</source>
        <translation>x₂²</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>x₁x₂</source>
        <translation>x₁x₂</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sin x₁</source>
        <translation>sen x₁</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sin x₂</source>
        <translation>sen x₂</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>unknown input feature {name!r}: expected some of {allowed}</source>
        <translation>atributo de entrada desconhecido {name!r}: esperavam-se alguns de {allowed}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>choose at least one input feature among {allowed}</source>
        <translation>escolha pelo menos um atributo de entrada entre {allowed}</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>input features need points of shape (m, 2), got {shape}</source>
        <translation>atributos de entrada precisam de pontos de forma (m, 2), mas receberam {shape}</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>input features such as {features} need data with two features (points of a plane); {name!r} has {n}</source>
        <translation>atributos de entrada como {features} precisam de dados com dois atributos (pontos de um plano); {name!r} tem {n}</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>input feature {name!r} is listed twice</source>
        <translation>o atributo de entrada {name!r} aparece duas vezes</translation>
    </message>
    <message>
        <location filename="../../engine/lesson/landscape_choice.py" line="+87"/>
        <source>it must be an object, got {value}</source>
        <translation>deve ser um objeto, veio {value}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>kind must be one of {allowed}, got {value}</source>
        <translation>kind deve ser um de {allowed}, mas é {value}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>span must be a number above 0 and at most {most:g}, got {value}</source>
        <translation>span deve ser um número acima de 0 e no máximo {most:g}, mas é {value}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>seed must be a whole number 0 or more, got {value}</source>
        <translation>seed deve ser um número inteiro maior ou igual a 0, mas é {value}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>weights must be two [l, i, j] lists of whole numbers, got {value}</source>
        <translation>weights deve ser duas listas [l, i, j] de números inteiros, mas é {value}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>weights must name two different weights, got {value}</source>
        <translation>weights deve indicar dois pesos diferentes, mas é {value}</translation>
    </message>
    <message>
        <location filename="../../engine/lesson/landscape_plane.py" line="-92"/>
        <source>the path must hold points of {n} weights, got shape {shape}</source>
        <translation>o caminho deve ter pontos de {n} pesos, veio o formato {shape}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>the main directions need a training path of at least 3 recorded epochs that does not run along one line; train a little first</source>
        <translation>as direções principais precisam de um caminho de treino com pelo menos 3 épocas registradas que não corra sobre uma só reta; treine um pouco antes</translation>
    </message>
    <message>
        <location line="+85"/>
        <source>the landscape needs an odd number of steps 3..1001, got {steps}</source>
        <translation>a paisagem precisa de um número ímpar de passos 3..1001, veio {steps}</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>the grid is {share} % evaluated; run() the rest first</source>
        <translation>a grade está {share} % calculada; rode run() no restante antes</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>the path&apos;s capacity must be at least 4 points, got {capacity}</source>
        <translation>a capacidade do caminho deve ser de pelo menos 4 pontos, veio {capacity}</translation>
    </message>
    <message>
        <location filename="../../engine/lesson/comparison.py" line="+69"/>
        <source>a comparison changes one of {allowed}, got {value!r}</source>
        <translation>uma comparação muda um entre {allowed}, mas é {value!r}</translation>
    </message>
    <message>
        <location line="-26"/>
        <source>the compared learning rate α must be a number in (0, {limit}], got {value!r}</source>
        <translation>a taxa de aprendizado α comparada deve ser um número em (0, {limit}], mas é {value!r}</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>the compared {change} must be one of {allowed}, got {value!r}</source>
        <translation>o {change} comparado deve ser um entre {allowed}, mas é {value!r}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>a learning rate α goes with a changed optimizer only, not with a changed {change}</source>
        <translation>uma taxa de aprendizado α só acompanha uma troca de otimizador, não uma troca de {change}</translation>
    </message>
    <message>
        <location line="+87"/>
        <source>number of epochs must be ≥ 0, got {count}</source>
        <translation>o número de épocas deve ser ≥ 0, mas é {count}</translation>
    </message>
    <message>
        <location filename="../../engine/mistake_effect.py" line="+29"/>
        <source>With λ = 0 this mistake changes no number here: set λ &gt; 0 to see it.</source>
        <translation>Com λ = 0 este erro não muda nenhum número aqui: ponha λ &gt; 0 para vê-lo.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Every bias weight is 0, so this mistake changes no number here.</source>
        <translation>Todos os pesos de viés são 0, então este erro não muda nenhum número aqui.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>With m = 1 example this mistake changes no number here: step through more examples to see it.</source>
        <translation>Com m = 1 exemplo este erro não muda nenhum número aqui: percorra mais exemplos para vê-lo.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This mistake changes no number: d(1) costs work, but no Θ uses it.</source>
        <translation>Este erro não muda nenhum número: d(1) dá trabalho, mas nenhum Θ o usa.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>With cross-entropy d(L) = a(L) − y is right, so this mistake changes no number here: choose the squared error to see it.</source>
        <translation>Com a entropia cruzada d(L) = a(L) − y está certo, então este erro não muda nenhum número aqui: escolha o erro quadrático para vê-lo.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>With a linear output g′ = 1, so this mistake changes no number here: choose a sigmoid output to see it.</source>
        <translation>Com uma saída linear g′ = 1, então este erro não muda nenhum número aqui: escolha uma saída sigmoide para vê-lo.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Without a hidden layer there is no hidden delta, so this mistake changes no number here: add a hidden layer to see it.</source>
        <translation>Sem camada oculta não há delta oculto, então este erro não muda nenhum número aqui: acrescente uma camada oculta para vê-lo.</translation>
    </message>
    <message>
        <location filename="../../engine/lesson/headless.py" line="+174"/>
        <source>{flag} must be a finite number {bound}, got {value}</source>
        <translation>{flag} deve ser um número finito {bound}, recebido {value}</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>unknown activation {name}; choose from {allowed}</source>
        <translation>ativação desconhecida {name}; escolha entre {allowed}</translation>
    </message>
</context>
<context>
    <name>ExportMenu</name>
    <message>
        <location filename="../../ui/files/export_menu.py" line="+36"/>
        <source>&amp;Export</source>
        <translation>E&amp;xportar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Network canvas as &amp;PNG…</source>
        <translation>Desenho da rede como &amp;PNG…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the network picture as it is now</source>
        <translation>Salvar a imagem da rede como está agora</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Network canvas as &amp;SVG…</source>
        <translation>Desenho da rede como &amp;SVG…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the network picture as a scalable drawing for slides</source>
        <translation>Salvar a imagem da rede como desenho vetorial para slides</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Loss plot as P&amp;NG…</source>
        <translation>Gráfico do custo como P&amp;NG…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Save the cost curve picture</source>
        <translation>Salvar a imagem da curva de custo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Loss history as &amp;CSV…</source>
        <translation>Histórico do custo como &amp;CSV…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save cost and accuracy per epoch for a spreadsheet</source>
        <translation>Salvar custo e acurácia por época para uma planilha</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Θ, Δ and D as CS&amp;V…</source>
        <translation>Θ, Δ e D como CS&amp;V…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the weights, accumulated Δ and gradient D of the current example, every number exact</source>
        <translation>Salvar os pesos, o Δ acumulado e o gradiente D do exemplo atual, com todos os números exatos</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Step-through as animated &amp;GIF…</source>
        <translation>Passo a passo como &amp;GIF animado…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save every micro-step of the current example as an animation</source>
        <translation>Salvar cada micropasso do exemplo atual como animação</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Worked example (Markdown or HTML)…</source>
        <translation>E&amp;xemplo resolvido (Markdown ou HTML)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save every micro-step with its equation and numbers, like Mazur&apos;s article but for this network</source>
        <translation>Salvar cada micropasso com sua equação e seus números, como no artigo de Mazur, mas para esta rede</translation>
    </message>
    <message>
        <location line="+17"/>
        <location line="+1"/>
        <source>PNG images (*.png)</source>
        <translation>Imagens PNG (*.png)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SVG drawings (*.svg)</source>
        <translation>Desenhos SVG (*.svg)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>CSV files (*.csv)</source>
        <translation>Arquivos CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GIF animations (*.gif)</source>
        <translation>Animações GIF (*.gif)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Markdown (*.md);;HTML (*.html)</source>
        <translation>Markdown (*.md);;HTML (*.html)</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Export failed</source>
        <translation>Falha ao exportar</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>This window has nothing to export there.</source>
        <translation>Esta janela não tem nada para exportar aí.</translation>
    </message>
</context>
<context>
    <name>GradientCheckView</name>
    <message>
        <location filename="../../ui/maths/gradient_check_view.py" line="+209"/>
        <source>Gradient check</source>
        <translation>Verificação do gradiente</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Each square is one weight Θ(l)ᵢⱼ (rows i, columns j; column 0 the bias). Its colour is the relative difference |D − D_num| / (|D| + |D_num|) between the step-through&apos;s gradient D and the central difference D_num = (J(θ + ε) − J(θ − ε)) / 2ε, ε = 10⁻⁴, on a log scale. The notes&apos; advice: agreement to about 10⁻⁹ means the backprop is right; the dashed mark is 10⁻⁶, above which a square says the gradient is wrong there. Point at a square for its numbers.</source>
        <translation>Cada quadrado é um peso Θ(l)ᵢⱼ (linhas i, colunas j; a coluna 0 é o viés). Sua cor é a diferença relativa |D − D_num| / (|D| + |D_num|) entre o gradiente D do passo a passo e a diferença central D_num = (J(θ + ε) − J(θ − ε)) / 2ε, ε = 10⁻⁴, em escala logarítmica. O conselho das notas: concordância de cerca de 10⁻⁹ quer dizer que a retropropagação está certa; a marca tracejada é 10⁻⁶, acima da qual um quadrado diz que o gradiente está errado ali. Aponte para um quadrado para ver seus números.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>agrees</source>
        <translation>concorda</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>disagrees</source>
        <translation>discorda</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Θ({l}): largest relative difference {v}: {verdict}</source>
        <translation>Θ({l}): maior diferença relativa {v}: {verdict}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>m = {m} example(s); {bad} of {n} weights disagree.</source>
        <translation>m = {m} exemplo(s); {bad} de {n} pesos discordam.</translation>
    </message>
</context>
<context>
    <name>HealthPlot</name>
    <message>
        <location filename="../../ui/training/health_plot.py" line="+121"/>
        <source>Gradient health</source>
        <translation>Saúde do gradiente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>‖D(l)‖</source>
        <translation>‖D(l)‖</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+6"/>
        <source>epoch</source>
        <translation>época</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>How large the gradient D(l) is in each layer while training (log scale): when the first layers&apos; curves lie orders of magnitude below the last, their weights hardly learn (the vanishing gradient). Below: the share of saturated sigmoid/tanh units (g′ &lt; 0.01, ●) and of dead ReLUs (never active, ✕) in each hidden layer.</source>
        <translation>O tamanho do gradiente D(l) em cada camada durante o treino (escala log): quando as curvas das primeiras camadas ficam ordens de grandeza abaixo das últimas, seus pesos quase não aprendem (o gradiente que desaparece). Abaixo: a fração de unidades sigmoide/tanh saturadas (g′ &lt; 0,01, ●) e de ReLUs mortas (nunca ativas, ✕) em cada camada oculta.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Health</source>
        <comment>dock tab</comment>
        <translation>Saúde</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+45"/>
        <source>% of units</source>
        <translation>% unidades</translation>
    </message>
    <message>
        <location line="-28"/>
        <source>uniform ±ε (the notes)</source>
        <translation>uniforme ±ε (as notas)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Xavier</source>
        <translation>Xavier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>He</source>
        <translation>He</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Initial weights: given, not drawn at random.</source>
        <translation>Pesos iniciais: dados, não sorteados.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Initial weights: %1 (Network tab).</source>
        <translation>Pesos iniciais: %1 (aba Rede).</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>No gradients recorded yet.</source>
        <translation>Nenhum gradiente registrado ainda.</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>below, share of units:</source>
        <translation>abaixo, fração das unidades:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>saturated</source>
        <translation>saturadas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>dead</source>
        <translation>mortas</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>epoch %1 · ‖D(1)‖ = %2 · ‖D(%3)‖ = %4</source>
        <translation>época %1 · ‖D(1)‖ = %2 · ‖D(%3)‖ = %4</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>compared: ‖D(1)‖ = %1 · ‖D(%2)‖ = %3</source>
        <translation>comparado: ‖D(1)‖ = %1 · ‖D(%2)‖ = %3</translation>
    </message>
</context>
<context>
    <name>HelpDialogs</name>
    <message>
        <location filename="wrapped_strings.py" line="-73"/>
        <source>Next micro-step</source>
        <translation>Próximo micropasso</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Previous micro-step (replays the records; nothing is undone)</source>
        <translation>Micropasso anterior (os registros são reproduzidos de novo; nada é desfeito)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Space</source>
        <translation>Espaço</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Play / pause</source>
        <translation>Reproduzir / pausar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Home</source>
        <translation>Home</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restart the example</source>
        <translation>Recomeçar o exemplo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Jump to the last step (the update)</source>
        <translation>Ir para o último passo (a atualização)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>any key</source>
        <translation>qualquer tecla</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Finish the running animation at once</source>
        <translation>Terminar de imediato a animação em curso</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show or hide the value labels on the network</source>
        <translation>Mostrar ou ocultar os valores na rede</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show or hide every neuron&apos;s map over the plane (two-feature data)</source>
        <translation>Mostrar ou ocultar o mapa de cada neurônio sobre o plano (dados com duas características)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>mouse wheel / drag</source>
        <translation>roda do mouse / arrastar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom / pan the network</source>
        <translation>Ampliar / deslocar a rede</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>double-click</source>
        <translation>clique duplo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fit the whole network in the view again</source>
        <translation>Mostrar de novo a rede inteira na vista</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>click an edge</source>
        <translation>clicar numa conexão</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type a new weight</source>
        <translation>Digitar um novo peso</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Presenter mode: larger text, thicker lines (for a projector)</source>
        <translation>Modo de apresentação: texto maior, linhas mais grossas (para projetor)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This list of shortcuts</source>
        <translation>Esta lista de atalhos</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../ui/files/import_dialog.py" line="+101"/>
        <source>Import data set from CSV — {0}</source>
        <translation>Importar conjunto de dados de CSV — {0}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First row:</source>
        <translation>Primeira linha:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Label column:</source>
        <translation>Coluna do rótulo:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Targets are:</source>
        <translation>Os alvos são:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Features:</source>
        <translation>Atributos:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Target y:</source>
        <translation>Alvo y:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Test part (%):</source>
        <translation>Parte de teste (%):</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Detect a header</source>
        <translation>Detectar cabeçalho</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Header (column names)</source>
        <translation>Cabeçalho (nomes das colunas)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data (no header)</source>
        <translation>Dados (sem cabeçalho)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Detect (classes or numbers)</source>
        <translation>Detectar (classes ou números)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Classes</source>
        <translation>Classes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Numbers (regression)</source>
        <translation>Números (regressão)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Whether the first row names the columns</source>
        <translation>Se a primeira linha dá nome às colunas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The column holding the targets y; the other columns become the features x</source>
        <translation>A coluna com os alvos y; as outras colunas viram os atributos x</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Whole numbers and text are classes; real numbers make a regression</source>
        <translation>Números inteiros e texto são classes; números reais definem uma regressão</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Standardize (mean 0, standard deviation 1)</source>
        <translation>Padronizar (média 0, desvio-padrão 1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Put every feature on the same scale so training is not dominated by large numbers</source>
        <translation>Põe todos os atributos na mesma escala, para que números grandes não dominem o treinamento</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Standardize numeric targets (regression)</source>
        <translation>Padronizar alvos numéricos (regressão)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rescale y to mean 0 and standard deviation 1, so a target in the thousands does not need thousands of epochs; the curve plot then shows y in these units</source>
        <translation>Reescala y para média 0 e desvio-padrão 1, para que um alvo na casa dos milhares não precise de milhares de épocas; o gráfico da curva passa a mostrar y nessas unidades</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Share of the rows held out to test the network</source>
        <translation>Parte das linhas separada para testar a rede</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The first rows of the file as read (row numbers are file lines); the label column is in bold</source>
        <translation>As primeiras linhas do arquivo como foram lidas (os números são as linhas do arquivo); a coluna do rótulo está em negrito</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>column {0}</source>
        <translation>coluna {0}</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Cannot import: {0}</source>
        <translation>Não foi possível importar: {0}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>numeric targets (regression)</source>
        <translation>alvos numéricos (regressão)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>y is standardized: y = (target − %1) / %2; the curve plot and the costs use these units</source>
        <translation>y está padronizado: y = (alvo − %1) / %2; o gráfico da curva e os custos usam essas unidades</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{0} classes: {1}</source>
        <translation>{0} classes: {1}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0} examples ({1} for training), {2} features, {3}</source>
        <translation>{0} exemplos ({1} para treinamento), {2} atributos, {3}</translation>
    </message>
</context>
<context>
    <name>Inspector</name>
    <message>
        <location filename="../../ui/maths/inspector.py" line="+68"/>
        <source>Inspector</source>
        <translation>Inspetor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Point at a neuron or an edge of the network to read its values; click an edge to type a new weight.</source>
        <translation>Aponte para um neurônio ou uma conexão da rede para ler seus valores; clique numa conexão para digitar um novo peso.</translation>
    </message>
    <message>
        <location line="+147"/>
        <source>The cost J of this example with the weights before and after this step&apos;s gradient-descent update.</source>
        <translation>O custo J deste exemplo com os pesos antes e depois da atualização por descida do gradiente deste passo.</translation>
    </message>
    <message>
        <location line="-97"/>
        <source>Point at a neuron or an edge. Click an edge to change its weight.</source>
        <translation>Aponte para um neurônio ou uma conexão. Clique numa conexão para mudar o peso dela.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Names in Mazur&apos;s article: inputs i1, i2 (layer 1), hidden h1, h2 (layer 2), outputs o1, o2 (layer 3); weights w1…w4 are Θ(1), w5…w8 are Θ(2), biases b1, b2 are their column j = 0; net = z, out = a, E_total = J.</source>
        <translation>Nomes no artigo de Mazur: entradas i1, i2 (camada 1), ocultos h1, h2 (camada 2), saídas o1, o2 (camada 3); os pesos w1…w4 são Θ(1), w5…w8 são Θ(2), os vieses b1, b2 são a coluna j = 0 de cada uma; net = z, out = a, E_total = J.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Bias unit “+1” of layer {l}</source>
        <translation>Unidade de viés “+1” da camada {l}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>always: it multiplies the bias weights, column j = 0 of Θ({l}).</source>
        <translation>sempre: ela multiplica os pesos de viés, coluna j = 0 de Θ({l}).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Neuron {k} of layer {l}</source>
        <translation>Neurônio {k} da camada {l}</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+26"/>
        <source>not computed yet</source>
        <translation>ainda não calculado</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>the bias unit +1</source>
        <translation>a unidade de viés +1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>neuron {j} of layer {l}</source>
        <translation>o neurônio {j} da camada {l}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Weight Θ({l}){ij}: from {src} to neuron {i} of layer {n}</source>
        <translation>Peso Θ({l}){ij}: de {src} para o neurônio {i} da camada {n}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>(after the update; before it: {v})</source>
        <translation>(depois da atualização; antes dela: {v})</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>contribution d{i}({n})·a{j}({l}) = {v}</source>
        <translation>contribuição d{i}({n})·a{j}({l}) = {v}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Click the edge to type a new weight.</source>
        <translation>Clique na conexão para digitar um novo peso.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>✓ agree: the backprop is right</source>
        <translation>✓ concordam: a retropropagação está certa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>✗ disagree: D is wrong here</source>
        <translation>✗ discordam: D está errado aqui</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gradient check, ε = 10⁻⁴: (J(θ+ε) − J(θ−ε))/2ε = {n}; relative difference {r} {verdict}</source>
        <translation>Verificação do gradiente, ε = 10⁻⁴: (J(θ+ε) − J(θ−ε))/2ε = {n}; diferença relativa {r} {verdict}</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>J before the update: {v}</source>
        <translation>J antes da atualização: {v}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>shown after the last update step</source>
        <translation>mostrado depois do último passo de atualização</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>J after the update: {v}</source>
        <translation>J depois da atualização: {v}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Mazur&apos;s article prints {printed}: its script used w5…w8 already updated.</source>
        <translation>O artigo de Mazur imprime {printed}: o script dele usou w5…w8 já atualizados.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Mazur&apos;s article prints E_total = {printed} after this update. Its script computed the hidden errors with w5…w8 already updated; updating every weight from the same old weights, as the algorithm says, gives {ours}.</source>
        <translation>O artigo de Mazur imprime E_total = {printed} depois desta atualização. O script dele calculou os erros da camada oculta com w5…w8 já atualizados; atualizando todos os pesos a partir dos mesmos pesos antigos, como manda o algoritmo, obtém-se {ours}.</translation>
    </message>
</context>
<context>
    <name>LandscapeControls</name>
    <message>
        <location filename="../../ui/training/landscape_controls.py" line="+110"/>
        <source>Two weights</source>
        <translation>Dois pesos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Two random directions</source>
        <translation>Duas direções aleatórias</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Main directions of the path (PCA)</source>
        <translation>Direções principais do caminho (PCA)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>J as two chosen weights change, every other weight held where it is</source>
        <translation>J conforme mudam dois pesos escolhidos, com todos os outros pesos parados onde estão</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>J along two random directions through all weights, each neuron&apos;s part scaled to its own weights&apos; size (filter-normalized, Li et al. 2018); biases stay</source>
        <translation>J ao longo de duas direções aleatórias em todos os pesos, a parte de cada neurônio na escala dos seus próprios pesos (normalizada por filtro, Li et al. 2018); os vieses ficam parados</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>J on the plane in which training moved the most (the two principal components of the recorded path)</source>
        <translation>J no plano em que o treino mais se moveu (as duas componentes principais do caminho registrado)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Plane</source>
        <translation>Plano</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>x</source>
        <translation>x</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>y</source>
        <translation>y</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>±</source>
        <translation>±</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weights are named as in the Θ CSV export: Θ(l)[i, j] is the weight from unit j of layer l (j = 0: the bias unit +1) to unit i of layer l + 1. Right-click an edge of the network to pick it.</source>
        <translation>Os pesos têm os nomes da exportação CSV de Θ: Θ(l)[i, j] é o peso da unidade j da camada l (j = 0: a unidade de viés +1) para a unidade i da camada l + 1. Clique com o botão direito numa aresta da rede para escolhê-la.</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+3"/>
        <source>The map reaches at least this far from the current weights on each axis, and farther if the training path needs it</source>
        <translation>O mapa vai pelo menos até esta distância dos pesos atuais em cada eixo, e mais longe se o caminho do treino precisar</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Re-centre</source>
        <translation>Recentralizar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Evaluate the map again around the weights of now (it follows training by itself when that is quick)</source>
        <translation>Calcular o mapa de novo em torno dos pesos de agora (ele acompanha o treino sozinho quando isso é rápido)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New directions</source>
        <translation>Novas direções</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Draw two other random directions</source>
        <translation>Sortear outras duas direções aleatórias</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>J: %p %</source>
        <translation>J: %p %</translation>
    </message>
    <message>
        <location line="+15"/>
        <source> (bias)</source>
        <translation> (viés)</translation>
    </message>
</context>
<context>
    <name>LandscapeView</name>
    <message>
        <location filename="../../ui/training/landscape_view.py" line="+252"/>
        <source>The main directions come from the training path: train a few epochs and they appear here.</source>
        <translation>As direções principais vêm do caminho do treino: treine algumas épocas e elas aparecem aqui.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source> (bias)</source>
        <translation> (viés)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>PC %1 (%2 %)</source>
        <translation>CP %1 (%2 %)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>direction 1</source>
        <translation>direção 1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>direction 2</source>
        <translation>direção 2</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+35"/>
        <source>Loss landscape</source>
        <translation>Paisagem do custo</translation>
    </message>
    <message>
        <location line="-25"/>
        <source>J over %1 and %2; every other weight as at epoch %3</source>
        <translation>J sobre %1 e %2; os outros pesos como na época %3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>J along two random filter-normalized directions (Li et al. 2018) around epoch %3&apos;s weights</source>
        <translation>J ao longo de duas direções aleatórias normalizadas por filtro (Li et al. 2018) em torno dos pesos da época %3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>J on the plane where training moved most, around epoch %3&apos;s weights</source>
        <translation>J no plano em que o treino mais se moveu, em torno dos pesos da época %3</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>━ training path, epoch %1 → %2 · ○ start · %3 now · + map centre · darker: lower J</source>
        <translation>━ caminho do treino, época %1 → %2 · ○ início · %3 agora · + centro do mapa · mais escuro: J menor</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Landscape</source>
        <comment>dock tab</comment>
        <translation>Paisagem</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The cost J over a plane of weights around the weights of now: dark is low. The white line is the way training came, the star is where the weights are now.</source>
        <translation>O custo J sobre um plano de pesos em torno dos pesos de agora: escuro é baixo. A linha branca é o caminho que o treino fez; a estrela é onde os pesos estão agora.</translation>
    </message>
</context>
<context>
    <name>LearningControls</name>
    <message>
        <location filename="../../ui/training/learning_controls.py" line="+37"/>
        <source>α set to %1 (was %2): a step size that suits %3. Change it if you like; it is kept for this optimizer.</source>
        <translation>α ajustado para %1 (era %2): um tamanho de passo adequado para %3. Altere-o se quiser; ele fica guardado para este otimizador.</translation>
    </message>
    <message>
        <location filename="wrapped_strings.py" line="+56"/>
        <source>Learning rate α on a logarithmic scale, 0.0001 to 10</source>
        <translation>Taxa de aprendizado α em escala logarítmica, de 0,0001 a 10</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Learning rate α: the step is Θ := Θ − α·D</source>
        <translation>Taxa de aprendizado α: o passo é Θ := Θ − α·D</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>L2 regularization λ (λ₂): D(l) gets + (λ/m)·Θ(l) for the non-bias weights</source>
        <translation>Regularização L2 λ (λ₂): D(l) ganha + (λ/m)·Θ(l) nos pesos que não são de viés</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>λ₂ = </source>
        <translation>λ₂ = </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>L1 regularization λ₁: D(l) gets + (λ₁/m)·sign(Θ(l)) for the non-bias weights, pushing small weights to 0</source>
        <translation>Regularização L1 λ₁: D(l) ganha + (λ₁/m)·sinal(Θ(l)) nos pesos que não são de viés, empurrando pesos pequenos para 0</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>λ₁ = </source>
        <translation>λ₁ = </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Examples per mini-batch</source>
        <translation>Exemplos por minilote</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How many examples each step Θ := Θ − α·D uses</source>
        <translation>Quantos exemplos cada passo Θ := Θ − α·D usa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How the gradients D turn into a step</source>
        <translation>Como os gradientes D viram um passo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep the bias weights fixed</source>
        <translation>Manter fixos os pesos de viés</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Update only the columns j ≥ 1 of every Θ(l), as in Mazur&apos;s worked example</source>
        <translation>Atualizar só as colunas j ≥ 1 de cada Θ(l), como no exemplo resolvido de Mazur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Full batch</source>
        <translation>Lote completo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mini-batch of</source>
        <translation>Minilote de</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One example at a time</source>
        <translation>Um exemplo por vez</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gradient descent</source>
        <translation>Descida do gradiente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Momentum (β = 0.9)</source>
        <translation>Momento (β = 0,9)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Adam</source>
        <translation>Adam</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Learning rate α</source>
        <translation>Taxa de aprendizado α</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Regularization</source>
        <translation>Regularização</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Batch</source>
        <translation>Lote</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Optimizer</source>
        <translation>Otimizador</translation>
    </message>
</context>
<context>
    <name>LessonPlayer</name>
    <message>
        <location filename="../../ui/shell/lesson_player.py" line="+83"/>
        <source>Back</source>
        <translation>Voltar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next</source>
        <translation>Avançar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close lesson</source>
        <translation>Fechar a lição</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>End the lesson and show every panel again</source>
        <translation>Encerra a lição e mostra todos os painéis de novo</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+91"/>
        <source>&amp;Lessons</source>
        <translation>&amp;Lições</translation>
    </message>
    <message>
        <location line="-82"/>
        <source>Train now</source>
        <translation>Treinar agora</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the gradient check</source>
        <translation>Abrir a verificação do gradiente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the chain rule</source>
        <translation>Abrir a regra da cadeia</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the tour</source>
        <translation>Mostrar o tour</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Card {n} of {total}</source>
        <translation>Cartão {n} de {total}</translation>
    </message>
</context>
<context>
    <name>LossPlot</name>
    <message>
        <location filename="../../ui/training/loss_plot.py" line="+160"/>
        <source>Log scale</source>
        <translation>Escala log</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the cost J on a logarithmic axis, so the slow late decrease stays visible</source>
        <translation>Mostrar o custo J num eixo logarítmico, para que a queda lenta do final continue visível</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The cost J after each epoch: training set solid, test set dashed. Long runs keep fewer points: the shaded band spans the lowest to the highest training cost of the epochs each point stands for. Below: the fraction of examples classified right.</source>
        <translation>O custo J depois de cada época: conjunto de treinamento em linha cheia, conjunto de teste tracejado. Treinamentos longos guardam menos pontos: a faixa sombreada vai do menor ao maior custo de treinamento das épocas que cada ponto representa. Abaixo: a fração de exemplos classificados corretamente.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>cost J</source>
        <translation>custo J</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+2"/>
        <source>epoch</source>
        <translation>época</translation>
    </message>
    <message>
        <location line="-1"/>
        <location line="+13"/>
        <source>accuracy</source>
        <translation>acurácia</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>training set</source>
        <translation>conjunto de treinamento</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>test set</source>
        <translation>conjunto de teste</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>range within each thinned interval</source>
        <translation>mín.–máx. de cada intervalo agrupado</translation>
    </message>
    <message>
        <location line="+125"/>
        <source>No epochs yet: press Train.</source>
        <translation>Nenhuma época ainda: clique em Treinar.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>epoch %1</source>
        <translation>época %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>J train %1</source>
        <translation>J treinamento %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>J test %1</source>
        <translation>J teste %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>accuracy %1 %</source>
        <translation>acurácia %1 %</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>test %1 %</source>
        <translation>teste %1 %</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>RMSE now %1</source>
        <translation>RMSE agora %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>test %1</source>
        <translation>teste %1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/shell/main_window.py" line="+36"/>
        <source>Backprop Visualizer</source>
        <translation>Backprop Visualizer</translation>
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
    <name>MathHtml</name>
    <message>
        <location filename="wrapped_strings.py" line="-124"/>
        <source>Layer {l}</source>
        <translation>Camada {l}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Click a neuron on the canvas to see its weights here.</source>
        <translation>Clique num neurônio da rede para ver os pesos dele aqui.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Row {i}: into neuron {i} of layer {n}</source>
        <translation>Linha {i}: entra no neurônio {i} da camada {n}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Column 0: out of the bias unit of layer {l}</source>
        <translation>Coluna 0: sai da unidade de viés da camada {l}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Column {j}: out of neuron {j} of layer {l}</source>
        <translation>Coluna {j}: sai do neurônio {j} da camada {l}</translation>
    </message>
    <message>
        <location line="+24"/>
        <location line="+1"/>
        <source>bias</source>
        <translation>viés</translation>
    </message>
</context>
<context>
    <name>MathPanel</name>
    <message>
        <location filename="../../ui/maths/panel.py" line="+143"/>
        <source>The current micro-step in the notes&apos; notation, with this example&apos;s numbers. Shapes are written under each matrix and vector.</source>
        <translation>O micropasso atual na notação da apostila, com os números deste exemplo. As dimensões aparecem embaixo de cada matriz e vetor.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Heat maps of the layer this step is about: blue cells are positive, orange negative; the column j = 0, headed in yellow, holds the bias weights, and the yellow row “+1” is the bias unit.</source>
        <translation>Mapas de calor da camada de que trata este passo: células azuis são positivas, laranja negativas; a coluna j = 0, com cabeçalho amarelo, guarda os pesos de viés, e a linha amarela “+1” é a unidade de viés.</translation>
    </message>
    <message>
        <location line="+150"/>
        <source>Step {i} of {n}</source>
        <translation>Passo {i} de {n}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Θ({k}) and the layers it joins, {k} → {n}</source>
        <translation>Θ({k}) e as camadas que ela liga, {k} → {n}</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Yellow: the bias unit “+1” and its weights, column j = 0. Blue cells are positive, orange negative, stronger colour = larger size within the table; activations a are coloured as their neurons are filled. Blank: not computed yet.</source>
        <translation>Amarelo: a unidade de viés “+1” e seus pesos, coluna j = 0. Células azuis são positivas, laranja negativas; cor mais forte = valor absoluto maior dentro da tabela; as ativações a têm a cor com que seus neurônios são preenchidos. Em branco: ainda não calculado.</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Layer {l}</source>
        <translation>Camada {l}</translation>
    </message>
    <message>
        <location filename="wrapped_strings.py" line="-20"/>
        <source>One accumulator per weight matrix, the same shape as Θ(l), all zeros.</source>
        <translation>Um acumulador por matriz de pesos, com as mesmas dimensões de Θ(l), todo em zeros.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>this example:</source>
        <translation>este exemplo:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>α = {a} is the learning rate.</source>
        <translation>α = {a} é a taxa de aprendizado.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Adam: α = {a}, β₁ = {b1}, β₂ = {b2}, ε = {e}, step t = {t}; m and v are the moments training holds, m̂ and v̂ their bias-corrected values.</source>
        <translation>Adam: α = {a}, β₁ = {b1}, β₂ = {b2}, ε = {e}, passo t = {t}; m e v são os momentos que o treinamento guarda, m̂ e v̂ seus valores com correção de viés.</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>The struck-out first entry belongs to the bias unit “+1”: it has no inputs, so it gets no error and is dropped. &lt;b&gt;Correction to the notes:&lt;/b&gt; multiply by the derivative g′(z({l})), not by g(z({l})); and l runs from L−1 down to 2, never to the input layer.</source>
        <translation>A primeira entrada, riscada, é da unidade de viés “+1”: ela não tem entradas, então não recebe erro e é descartada. &lt;b&gt;Correção da apostila:&lt;/b&gt; multiplique pela derivada g′(z({l})), não por g(z({l})); e l vai de L−1 até 2, nunca até a camada de entrada.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>… and {n} more neurons</source>
        <translation>… e mais {n} neurônios</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+2"/>
        <source>Θ({l}) before</source>
        <translation>Θ({l}) antes</translation>
    </message>
    <message>
        <location line="-4"/>
        <location line="+5"/>
        <source>new Θ({l})</source>
        <translation>nova Θ({l})</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Δ({l}) before</source>
        <translation>Δ({l}) antes</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Loss of this example: {f} = &lt;b&gt;{v}&lt;/b&gt;</source>
        <translation>Perda deste exemplo: {f} = &lt;b&gt;{v}&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>Column j = 0 (the bias weights, struck out in D) is kept: frozen biases are not updated.</source>
        <translation>A coluna j = 0 (os pesos de viés, riscados em D) é mantida: vieses congelados não são atualizados.</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>sign</source>
        <translation>sinal</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>m = {m} example(s), λ = {lam}. &lt;b&gt;The mistake: λΘ({l}) is added to the bias column j = 0 too,&lt;/b&gt; which backpropagation leaves unregularized (there D({l}) should be (1/m)·Δ({l}) only).</source>
        <translation>m = {m} exemplo(s), λ = {lam}. &lt;b&gt;O erro: λΘ({l}) é somado também à coluna de viés j = 0,&lt;/b&gt; que a retropropagação deixa sem regularização (nela D({l}) deveria ser apenas (1/m)·Δ({l})).</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Momentum: α = {a}, β = {b}; v is the velocity training holds.</source>
        <translation>Momento: α = {a}, β = {b}; v é a velocidade que o treinamento guarda.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Entry (i, j) is dᵢ({n}) · aⱼ({l}): how much weight Θ({l})ᵢⱼ contributed to this example&apos;s error. Column j = 0 uses the bias input 1.</source>
        <translation>A entrada (i, j) é dᵢ({n}) · aⱼ({l}): quanto o peso Θ({l})ᵢⱼ contribuiu para o erro deste exemplo. A coluna j = 0 usa a entrada de viés 1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>L1: λ₁ = {lam1} adds (λ₁/m)·sign(Θ) to each non-bias weight&apos;s gradient: the same push towards 0 whatever the weight&apos;s size (sign(0) = 0). L2&apos;s λ₂ = {lam} pushes in proportion to the weight.</source>
        <translation>L1: λ₁ = {lam1} soma (λ₁/m)·sinal(Θ) ao gradiente de cada peso que não é de viés: o mesmo empurrão em direção a 0, qualquer que seja o tamanho do peso (sinal(0) = 0). O λ₂ = {lam} da L2 empurra em proporção ao peso.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>v({l}) before</source>
        <translation>v({l}) antes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>new v({l})</source>
        <translation>nova v({l})</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>m = {m} example(s), λ = {lam}. &lt;b&gt;The bias column j = 0 (struck out in Θ) is not regularized:&lt;/b&gt; there D({l}) = (1/m)·Δ({l}) only. (The notes write this condition as “l = 0”; it is the column index j.) D({l}) = ∂J/∂Θ({l}).</source>
        <translation>m = {m} exemplo(s), λ = {lam}. &lt;b&gt;A coluna de viés j = 0 (riscada em Θ) não é regularizada:&lt;/b&gt; nela D({l}) = (1/m)·Δ({l}) apenas. (A apostila escreve essa condição como “l = 0”; trata-se do índice de coluna j.) D({l}) = ∂J/∂Θ({l}).</translation>
    </message>
</context>
<context>
    <name>MistakeBanner</name>
    <message>
        <location filename="../../ui/stepper/what_if.py" line="+61"/>
        <source>What if… %1 is switched on: here it changes no number</source>
        <translation>E se… %1 está ligado: aqui não muda nenhum número</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>What if… %1 is switched on: extra work, the same D</source>
        <translation>E se… %1 está ligado: trabalho a mais, o mesmo D</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>What if… %1 is switched on: this is NOT backpropagation</source>
        <translation>E se… %1 está ligado: isto NÃO é retropropagação</translation>
    </message>
</context>
<context>
    <name>NetworkControls</name>
    <message>
        <location filename="../../ui/training/network_controls.py" line="+37"/>
        <source>Hide</source>
        <translation>Ocultar</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Why?</source>
        <translation>Por quê?</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>A linear output gives no probabilities, so the loss is the ½ squared error.</source>
        <translation>Uma saída linear não dá probabilidades, então a perda é o erro quadrático ½.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Softmax goes with cross-entropy: then d(L) = a(L) − y.</source>
        <translation>Softmax combina com entropia cruzada: então d(L) = a(L) − y.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sigmoid with cross-entropy: d(L) = a(L) − y.</source>
        <translation>Sigmoide com entropia cruzada: d(L) = a(L) − y.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>½ squared error: d(L) = (a(L) − y) ⊙ g′(z(L)).</source>
        <translation>Erro quadrático ½: d(L) = (a(L) − y) ⊙ g′(z(L)).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Every Θ(l)ᵢⱼ, bias too, from U(−ε, ε), ε = √6/√(s(l) + s(l+1)).</source>
        <translation>Cada Θ(l)ᵢⱼ, viés inclusive, de U(−ε, ε), ε = √6/√(s(l) + s(l+1)).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Weights from N(0, 2/(s(l) + s(l+1))), biases 0.</source>
        <translation>Pesos de N(0, 2/(s(l) + s(l+1))), vieses 0.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Weights from N(0, 2/s(l)), biases 0.</source>
        <translation>Pesos de N(0, 2/s(l)), vieses 0.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Too small: signals and gradients fade layer by layer; too large: sigmoid and tanh units saturate. Xavier suits tanh and sigmoid, He suits ReLU.</source>
        <translation>Pequenos demais: sinais e gradientes se apagam camada a camada; grandes demais: unidades sigmoide e tanh saturam. Xavier combina com tanh e sigmoide, He com ReLU.</translation>
    </message>
    <message>
        <location filename="wrapped_strings.py" line="+117"/>
        <source>g of every hidden layer (changing it draws new random weights); each layer&apos;s own g is in the table below</source>
        <translation>g de todas as camadas ocultas (mudá-la sorteia novos pesos aleatórios); a g de cada camada está na tabela abaixo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How new random weights are drawn (changing it draws them)</source>
        <translation>Como os novos pesos aleatórios são sorteados (mudar isto os sorteia)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Activation of the output layer L</source>
        <translation>Ativação da camada de saída L</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The per-example loss whose mean is the cost J</source>
        <translation>A perda por exemplo cuja média é o custo J</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Uniform ±ε (the notes)</source>
        <translation>Uniforme ±ε (as notas)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Xavier (Glorot)</source>
        <translation>Xavier (Glorot)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>He</source>
        <translation>He</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>g, all hidden layers</source>
        <translation>g, todas as ocultas</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Initial weights</source>
        <translation>Pesos iniciais</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Output</source>
        <translation>Saída</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Loss</source>
        <translation>Perda</translation>
    </message>
</context>
<context>
    <name>NetworkLegend</name>
    <message>
        <location filename="../../ui/canvas/legend.py" line="+104"/>
        <source>fill = activation a</source>
        <translation>preenchimento = ativação a</translation>
    </message>
    <message>
        <location line="-50"/>
        <source>ring = delta d (solid +, dashed −)</source>
        <translation>anel = delta d (cheio +, tracejado −)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>bar = delta d (filled +, hollow −)</source>
        <translation>barra = delta d (cheia +, vazada −)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>heat map: Θ &lt; 0 … 0 … Θ &gt; 0</source>
        <translation>mapa de calor: Θ &lt; 0 … 0 … Θ &gt; 0</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Θ &gt; 0 (blue, solid)</source>
        <translation>Θ &gt; 0 (azul, contínua)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Θ &lt; 0 (orange, dashed)</source>
        <translation>Θ &lt; 0 (laranja, tracejada)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>line width = |Θ|</source>
        <translation>espessura = |Θ|</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>bias unit +1</source>
        <translation>unidade de viés +1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>bias</source>
        <translation>viés</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>How to read the network drawing</source>
        <translation>Como ler o desenho da rede</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>fill = a, hatched &lt; 0: {0}</source>
        <translation>preenchimento = a, hachurado &lt; 0: {0}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>fill = a: {0}</source>
        <translation>preenchimento = a: {0}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>layer {0}</source>
        <translation>camada {0}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>layers {0}</source>
        <translation>camadas {0}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>±{0} or the column&apos;s largest |a| ({1})</source>
        <translation>±{0} ou o maior |a| da coluna ({1})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>±{0} ({1})</source>
        <translation>±{0} ({1})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>0 … {0} or the column&apos;s largest a ({1})</source>
        <translation>0 … {0} ou o maior a da coluna ({1})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>0 … {0} ({1})</source>
        <translation>0 … {0} ({1})</translation>
    </message>
</context>
<context>
    <name>NetworkView</name>
    <message>
        <location filename="wrapped_strings.py" line="-167"/>
        <source>input</source>
        <translation>entrada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>output</source>
        <translation>saída</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>hidden</source>
        <translation>oculta</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Layer {0} ({1})</source>
        <translation>Camada {0} ({1})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Layer {0}</source>
        <translation>Camada {0}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>L{0}</source>
        <translation>C{0}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>D({0})</source>
        <translation>D({0})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>heat map of {0}</source>
        <translation>mapa de calor de {0}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0} rows × {1} columns</source>
        <translation>{0} linhas × {1} colunas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>s({0}) = {1}: an {2}×{2} image</source>
        <translation>s({0}) = {1}: uma imagem {2}×{2}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>d({0})·[1; a({1})]ᵀ</source>
        <translation>d({0})·[1; a({1})]ᵀ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Θ({0})</source>
        <translation>Θ({0})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>s({0}) = {1}, a cell each</source>
        <translation>s({0}) = {1}, uma célula cada</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>s({0}) = {1}</source>
        <translation>s({0}) = {1}</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/view.py" line="+360"/>
        <source>Hover a neuron or a connection to inspect it; click a connection to edit its weight, a neuron to see its weights in and out. Wheel zooms, drag pans, double-click fits the network to the view.</source>
        <translation>Aponte para um neurônio ou uma conexão para inspecioná-lo; clique numa conexão para editar seu peso, num neurônio para ver os pesos que entram e saem dele. A roda do mouse dá zoom, arrastar move, clique duplo ajusta a rede à vista.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The network: columns are layers, +1 is the bias unit</source>
        <translation>A rede: as colunas são camadas, +1 é a unidade de viés</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/focus.py" line="+91"/>
        <source>Θ(1) into neuron {0} as {1}×{1}: what it looks for</source>
        <translation>Θ(1) que entra no neurônio {0} como {1}×{1}: o que ele procura</translation>
    </message>
</context>
<context>
    <name>NeuronMaps</name>
    <message>
        <location filename="../../ui/training/neuron_maps.py" line="+127"/>
        <source>Neuron &amp;maps</source>
        <translation>&amp;Mapas dos neurônios</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Draw beside each neuron its output over the input plane (data with two features); hover a neuron to enlarge its map</source>
        <translation>Desenha ao lado de cada neurônio a sua saída sobre o plano das entradas (dados com duas características); passe o mouse sobre um neurônio para ampliar o seu mapa</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Neuron maps need data with two input features</source>
        <translation>Os mapas dos neurônios precisam de dados com duas características de entrada</translation>
    </message>
    <message>
        <location line="+181"/>
        <source>Neuron %1 of layer %2: its output a(%2) at every point of the plane (ring: this example)</source>
        <translation>Neurônio %1 da camada %2: a sua saída a(%2) em cada ponto do plano (anel: este exemplo)</translation>
    </message>
</context>
<context>
    <name>Phase</name>
    <message>
        <location filename="../../engine/steps.py" line="+228"/>
        <source>Reset</source>
        <translation>Zerar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Forward</source>
        <translation>Propagação</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Backward</source>
        <translation>Retropropagação</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accumulate</source>
        <translation>Acúmulo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gradient</source>
        <translation>Gradiente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Update</source>
        <translation>Atualização</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Reset the accumulators Δ</source>
        <translation>Zerar os acumuladores Δ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Δ(l) := 0 for l = 1 .. {last}</source>
        <translation>Δ(l) := 0 para l = 1 .. {last}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Before looping over the examples, every accumulator Δ(l) is set to zero. Δ(l) has the shape of Θ(l): one entry per weight.</source>
        <translation>Antes de percorrer os exemplos, cada acumulador Δ(l) é zerado. Δ(l) tem as dimensões de Θ(l): uma entrada por peso.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Input: a(1) = x</source>
        <translation>Entrada: a(1) = x</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The example&apos;s features x become the activations of the input layer.</source>
        <translation>Os atributos x do exemplo viram as ativações da camada de entrada.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Weighted input z({l})</source>
        <translation>Entrada ponderada z({l})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Each neuron of layer {l} adds up its inputs weighted by Θ({k}); the leading 1 of [1; a({k})] multiplies the bias weights in column j = 0.</source>
        <translation>Cada neurônio da camada {l} soma suas entradas ponderadas por Θ({k}); o 1 no início de [1; a({k})] multiplica os pesos de viés da coluna j = 0.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Activation a({l})</source>
        <translation>Ativação a({l})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The activation function g squashes each weighted input: a({l}) = g(z({l})).</source>
        <translation>A função de ativação g comprime cada entrada ponderada: a({l}) = g(z({l})).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This is the network&apos;s output, its prediction for the example.</source>
        <translation>Esta é a saída da rede, sua previsão para o exemplo.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Output error d({l})</source>
        <translation>Erro da saída d({l})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The output error is simply a(L) − y: with cross-entropy and a sigmoid or softmax output the g′ factor cancels out.</source>
        <translation>O erro da saída é simplesmente a(L) − y: com entropia cruzada e saída sigmoide ou softmax o fator g′ se cancela.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The output error compares the prediction with the target y. With the ½-squared error the derivative g′(z(L)) multiplies it.</source>
        <translation>O erro da saída compara a previsão com o alvo y. Com o erro quadrático ½ a derivada g′(z(L)) o multiplica.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Hidden error d({l})</source>
        <translation>Erro da camada oculta d({l})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>d({l}) = (Θ({l})ᵀ d({n}))[without bias row] ⊙ g′(z({l}))</source>
        <translation>d({l}) = (Θ({l})ᵀ d({n}))[sem a linha do viés] ⊙ g′(z({l}))</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The error flows backwards through the same weights, Θ({l})ᵀ d({n}): each neuron of layer {l} collects the errors of the neurons it feeds, weighted by the weights that connect them.</source>
        <translation>O erro volta pelos mesmos pesos, Θ({l})ᵀ d({n}): cada neurônio da camada {l} recolhe os erros dos neurônios que ele alimenta, ponderados pelos pesos que os ligam.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Accumulate Δ({l})</source>
        <translation>Acumular Δ({l})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Each weight Θ({l})ᵢⱼ gets the contribution dᵢ({n})·aⱼ({l}) of this example (with a₀ = 1 for the bias): the outer product d({n})·[1; a({l})]ᵀ is added to Δ({l}).</source>
        <translation>Cada peso Θ({l})ᵢⱼ recebe a contribuição dᵢ({n})·aⱼ({l}) deste exemplo (com a₀ = 1 para o viés): o produto externo d({n})·[1; a({l})]ᵀ é somado a Δ({l}).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Gradient D({l})</source>
        <translation>Gradiente D({l})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>D({l}) = (1/m)(Δ({l}) + λΘ({l})) for j ≥ 1;  D({l}) = (1/m)Δ({l}) for j = 0</source>
        <translation>D({l}) = (1/m)(Δ({l}) + λΘ({l})) para j ≥ 1;  D({l}) = (1/m)Δ({l}) para j = 0</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>D({l}) = (1/m)(Δ({l}) + λ₂Θ({l}) + λ₁ sign(Θ({l}))) for j ≥ 1;  D({l}) = (1/m)Δ({l}) for j = 0</source>
        <translation>D({l}) = (1/m)(Δ({l}) + λ₂Θ({l}) + λ₁ sinal(Θ({l}))) para j ≥ 1;  D({l}) = (1/m)Δ({l}) para j = 0</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>After all m examples, divide by m and add the regularization λΘ({l}) — except in the bias column j = 0, which is never regularized. D({l}) is ∂J/∂Θ({l}).</source>
        <translation>Depois dos m exemplos, divida por m e some a regularização λΘ({l}) — exceto na coluna de viés j = 0, que nunca é regularizada. D({l}) é ∂J/∂Θ({l}).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Update Θ({l})</source>
        <translation>Atualizar Θ({l})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Θ({l}) := Θ({l}) − α·D({l})  (bias column frozen)</source>
        <translation>Θ({l}) := Θ({l}) − α·D({l})  (coluna de viés fixa)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Gradient descent: each weight moves against its gradient, scaled by the learning rate α.</source>
        <translation>Descida do gradiente: cada peso anda no sentido contrário ao seu gradiente, escalado pela taxa de aprendizado α.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>In this preset the bias weights are kept fixed, as in Mazur&apos;s example.</source>
        <translation>Neste exemplo pronto os pesos de viés ficam fixos, como no exemplo de Mazur.</translation>
    </message>
    <message>
        <location filename="../../engine/trace.py" line="+9"/>
        <source>d({l}) = (Θ({l})ᵀ d({n}))[without bias row] ⊙ g(z({l}))   ← g, not g′</source>
        <translation>d({l}) = (Θ({l})ᵀ d({n}))[sem a linha do viés] ⊙ g(z({l}))   ← g, não g′</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>d({l}) = a({l}) − y   ← without g′(z({l}))</source>
        <translation>d({l}) = a({l}) − y   ← sem g′(z({l}))</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>D({l}) = (1/m)(Δ({l}) + λΘ({l})), bias column j = 0 too</source>
        <translation>D({l}) = (1/m)(Δ({l}) + λΘ({l})), também na coluna de viés j = 0</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>D({l}) = Δ({l}) + λΘ({l})   ← without 1/m</source>
        <translation>D({l}) = Δ({l}) + λΘ({l})   ← sem 1/m</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Θ({l}) := Θ({l}) + αD({l})   ← uphill</source>
        <translation>Θ({l}) := Θ({l}) + αD({l})   ← morro acima</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>d(1) = (Θ(1)ᵀ d(2))[without bias row] ⊙ a(1) ⊙ (1 − a(1))   ← wasted: no Θ feeds layer 1</source>
        <translation>d(1) = (Θ(1)ᵀ d(2))[sem a linha do viés] ⊙ a(1) ⊙ (1 − a(1))   ← desperdício: nenhum Θ alimenta a camada 1</translation>
    </message>
</context>
<context>
    <name>PhaseText</name>
    <message>
        <location filename="wrapped_strings.py" line="+56"/>
        <source>All {m} examples</source>
        <translation>Todos os {m} exemplos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Example {t} of {m}</source>
        <translation>Exemplo {t} de {m}</translation>
    </message>
</context>
<context>
    <name>PredictMode</name>
    <message>
        <location filename="../../ui/stepper/predict.py" line="+118"/>
        <source>Predict</source>
        <translation>Prever</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Predict mode: type each step&apos;s result before it is shown</source>
        <translation>Modo prever: digite o resultado de cada passo antes de ele aparecer</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the first neuron&apos;s value</source>
        <translation>o valor do primeiro neurônio</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>row 1, the bias column j = 0</source>
        <translation>linha 1, a coluna de viés j = 0</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>row 1, column j = 1</source>
        <translation>linha 1, coluna j = 1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Predict %1 (%2), then press Enter:</source>
        <translation>Preveja %1 (%2) e tecle Enter:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Score: %1 of %2 right first time, %3 after a hint</source>
        <translation>Placar: %1 de %2 certas de primeira, %3 depois de uma dica</translation>
    </message>
    <message>
        <location line="+51"/>
        <location line="+34"/>
        <source>The answer: %1 = %2.</source>
        <translation>A resposta: %1 = %2.</translation>
    </message>
    <message>
        <location line="-28"/>
        <source>Type a number, e.g. %1.</source>
        <translation>Digite um número, por exemplo %1.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Right: %1 = %2.</source>
        <translation>Certo: %1 = %2.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>That is what you get with this mistake: %1 (%2).</source>
        <translation>É o que se obtém com este erro: %1 (%2).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>It matches none of the usual mistakes: check the arithmetic.</source>
        <translation>Não corresponde a nenhum dos erros comuns: confira as contas.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not quite (3 significant digits count).</source>
        <translation>Ainda não (contam 3 algarismos significativos).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Try once more, or press Enter on an empty box to see it.</source>
        <translation>Tente mais uma vez, ou tecle Enter com a caixa vazia para ver a resposta.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not quite.</source>
        <translation>Ainda não.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Press → (Next) for the next prediction.</source>
        <translation>Tecle → (Avançar) para a próxima previsão.</translation>
    </message>
</context>
<context>
    <name>RegressionView</name>
    <message>
        <location filename="../../ui/training/regression_view.py" line="+103"/>
        <source>The network&apos;s output h(x) for every x, over the examples. Hover a neuron in the network to see its own output against x. Click a training point to step through that example.</source>
        <translation>A saída h(x) da rede para cada x, sobre os exemplos. Passe o mouse sobre um neurônio da rede para ver a saída dele em função de x. Clique num ponto de treinamento para percorrer esse exemplo passo a passo.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>● training · ○ test · line: the network&apos;s h(x) · ringed: the stepped-through example, its error a − y in red</source>
        <translation>● treinamento · ○ teste · linha: h(x) da rede · circulado: o exemplo do passo a passo, com seu erro a − y em vermelho</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>Output h(x) = a(%1) for every input x: the line bends towards the examples as the network learns</source>
        <translation>Saída h(x) = a(%1) para cada entrada x: a linha se curva em direção aos exemplos à medida que a rede aprende</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Dashed: neuron %1 of layer %2, its output a(%2) against x</source>
        <translation>Tracejada: neurônio %1 da camada %2, sua saída a(%2) em função de x</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 (standardized)</source>
        <translation>%1 (padronizado)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>y in z-scores: y = (%1 − %2) / %3</source>
        <translation>y em escores z: y = (%1 − %2) / %3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 (z-score)</source>
        <translation>%1 (escore z)</translation>
    </message>
</context>
<context>
    <name>SessionController</name>
    <message>
        <location filename="../../ui/files/session.py" line="+92"/>
        <source>&amp;New</source>
        <translation>&amp;Novo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Start again from the Mazur example</source>
        <translation>Recomeçar do exemplo de Mazur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open…</source>
        <translation>&amp;Abrir…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Open a saved session (.json)</source>
        <translation>Abrir uma sessão salva (.json)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save</source>
        <translation>&amp;Salvar</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Save the session: network, weights, data, settings, history, step</source>
        <translation>Salvar a sessão: rede, pesos, dados, configurações, histórico, passo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save &amp;As…</source>
        <translation>Salvar &amp;como…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Save the session in a new file</source>
        <translation>Salvar a sessão num novo arquivo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Import data set from CSV…</source>
        <translation>&amp;Importar conjunto de dados de CSV…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Train and step through your own data from a CSV file</source>
        <translation>Treinar e percorrer passo a passo seus próprios dados de um arquivo CSV</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation>Sai&amp;r</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Close the app</source>
        <translation>Fechar o aplicativo</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Open &amp;Recent</source>
        <translation>Abrir r&amp;ecente</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Untitled</source>
        <translation>Sem título</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0}[*] — Backprop Visualizer</source>
        <translation>{0}[*] — Backprop Visualizer</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The autosave failed: {0}</source>
        <translation>O salvamento automático falhou: {0}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cannot autosave the session</source>
        <translation>Não foi possível salvar a sessão automaticamente</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Unexpected error</source>
        <translation>Erro inesperado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Something went wrong, but your session is kept (and autosaved):

{0}</source>
        <translation>Algo deu errado, mas sua sessão foi mantida (e salva automaticamente):

{0}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Unsaved changes</source>
        <translation>Alterações não salvas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The session has changes that are not saved. Save them first?</source>
        <translation>A sessão tem alterações não salvas. Salvar antes?</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Restore autosaved session?</source>
        <translation>Restaurar a sessão salva automaticamente?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The app did not close normally last time. Restore the session it autosaved?</source>
        <translation>O aplicativo não foi fechado normalmente da última vez. Restaurar a sessão que ele salvou automaticamente?</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Open session</source>
        <translation>Abrir sessão</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sessions (*.json);;All files (*)</source>
        <translation>Sessões (*.json);;Todos os arquivos (*)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Cannot open the session</source>
        <translation>Não foi possível abrir a sessão</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Save session</source>
        <translation>Salvar sessão</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sessions (*.json)</source>
        <translation>Sessões (*.json)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Cannot save the session</source>
        <translation>Não foi possível salvar a sessão</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>{0}: {1}</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <location line="+29"/>
        <source> It was kept as {0} in {1}.</source>
        <translation> Ele foi guardado como {0} em {1}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cannot restore the autosaved session</source>
        <translation>Não foi possível restaurar a sessão salva automaticamente</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>(no recent sessions)</source>
        <translation>(nenhuma sessão recente)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Import data set from CSV</source>
        <translation>Importar conjunto de dados de CSV</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV files (*.csv *.txt *.tsv);;All files (*)</source>
        <translation>Arquivos CSV (*.csv *.txt *.tsv);;Todos os arquivos (*)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cannot import the data set</source>
        <translation>Não foi possível importar o conjunto de dados</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../ui/shell/help_dialogs.py" line="-34"/>
        <source>Keyboard shortcuts</source>
        <translation>Atalhos de teclado</translation>
    </message>
</context>
<context>
    <name>StepToolbar</name>
    <message>
        <location filename="../../ui/stepper/toolbar.py" line="+103"/>
        <location line="+9"/>
        <source>Pause</source>
        <translation>Pausar</translation>
    </message>
    <message>
        <location line="-9"/>
        <location line="+9"/>
        <location line="+32"/>
        <source>Play</source>
        <translation>Reproduzir</translation>
    </message>
    <message>
        <location line="-19"/>
        <location line="+40"/>
        <source>of {m}</source>
        <translation>de {m}</translation>
    </message>
    <message>
        <location line="-25"/>
        <source>Restart</source>
        <translation>Recomeçar</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Back to the first step of this example (Home)</source>
        <translation>Voltar ao primeiro passo deste exemplo (Home)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Back</source>
        <translation>Voltar</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Previous micro-step (←): the earlier state is replayed, nothing is undone</source>
        <translation>Micropasso anterior (←): o estado anterior é reproduzido de novo, nada é desfeito</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Play the steps one after another at the chosen speed, or pause (Space)</source>
        <translation>Reproduzir os passos um após o outro na velocidade escolhida, ou pausar (Espaço)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Next</source>
        <translation>Avançar</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Next micro-step (→)</source>
        <translation>Próximo micropasso (→)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>End</source>
        <translation>Fim</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Jump to the last step, the update (End)</source>
        <translation>Ir para o último passo, a atualização (End)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Values</source>
        <translation>Valores</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Show or hide the numbers on the network (V)</source>
        <translation>Mostrar ou ocultar os números na rede (V)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Speed</source>
        <translation>Velocidade</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Playing speed: slow (left) to fast (right)</source>
        <translation>Velocidade de reprodução: lenta (à esquerda) a rápida (à direita)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Example</source>
        <translation>Exemplo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Which training example to step through</source>
        <translation>Qual exemplo de treinamento percorrer passo a passo</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>K = </source>
        <translation>K = </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>in this step-through</source>
        <translation>neste passo a passo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Examples in this step-through: the loop runs over K examples from the chosen one (wrapping round to example 1), then divides Δ by m = K</source>
        <translation>Exemplos neste passo a passo: o laço percorre K exemplos a partir do escolhido (voltando ao exemplo 1 depois do último) e depois divide Δ por m = K</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Step</source>
        <translation>Passo</translation>
    </message>
</context>
<context>
    <name>StepperController</name>
    <message>
        <location filename="../../ui/stepper/controller.py" line="+156"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>Atalhos de &amp;teclado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>List the keys of the step-through window</source>
        <translation>Listar as teclas da janela de passo a passo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About Backprop Visualizer</source>
        <translation>&amp;Sobre o Backprop Visualizer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What this app is, and the references of the notes</source>
        <translation>O que é este aplicativo, e as referências da apostila</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Where you are: the example, the stage of the algorithm and the equation of this micro-step</source>
        <translation>Onde você está: o exemplo, a etapa do algoritmo e a equação deste micropasso</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Hover a neuron or an edge to inspect it; click an edge to change its weight; wheel to zoom, drag to pan.</source>
        <translation>Passe o mouse sobre um neurônio ou uma conexão para inspecioná-lo; clique numa conexão para mudar o peso; roda do mouse amplia, arrastar desloca.</translation>
    </message>
    <message>
        <location line="+140"/>
        <source>Stepping waits while training runs: the network shows the weights live. Pause training to step through this example with them.</source>
        <translation>O passo a passo espera enquanto o treinamento roda: a rede mostra os pesos ao vivo. Pause o treinamento para percorrer este exemplo passo a passo com eles.</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Training… the network shows the weights live; pause to see this step&apos;s numbers for them.</source>
        <translation>Treinando… a rede mostra os pesos ao vivo; pause para ver os números deste passo com eles.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Press → (Next) to take the first step, Space to play; hover the network to inspect it.</source>
        <translation>Pressione → (Avançar) para dar o primeiro passo, Espaço para reproduzir; passe o mouse sobre a rede para inspecioná-la.</translation>
    </message>
</context>
<context>
    <name>TaskSwitcher</name>
    <message>
        <location filename="../../ui/shell/tasks.py" line="+99"/>
        <source>Step through</source>
        <translation>Passo a passo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Train</source>
        <translation>Treinar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Explore</source>
        <translation>Explorar</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Only the step-through: network, equations and inspector</source>
        <translation>Só o passo a passo: rede, equações e inspetor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Training controls, cost curve and decision boundary beside the live network</source>
        <translation>Controles de treino, curva de custo e fronteira de decisão ao lado da rede ao vivo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Everything at once: step-through and training side by side</source>
        <translation>Tudo de uma vez: passo a passo e treino lado a lado</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Arrange the window for what you are doing</source>
        <translation>Organiza a janela para o que você está fazendo</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Task</source>
        <translation>Tarefa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reset layout</source>
        <translation>&amp;Restaurar disposição</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Put every panel back where it started, for every task</source>
        <translation>Devolve cada painel ao lugar inicial, em todas as tarefas</translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message>
        <location filename="../../ui/stepper/timeline.py" line="+41"/>
        <source>Every micro-step of this step-through, coloured by stage and grouped by example. Click a step to jump to it.</source>
        <translation>Cada micropasso deste passo a passo, colorido por etapa e agrupado por exemplo. Clique num passo para ir até ele.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Timeline: click a step to jump there; ← and → step one at a time.</source>
        <translation>Linha do tempo: clique num passo para ir até ele; ← e → andam um passo por vez.</translation>
    </message>
    <message>
        <location line="+53"/>
        <location line="+21"/>
        <source>t = {t}</source>
        <translation>t = {t}</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Step {i}</source>
        <translation>Passo {i}</translation>
    </message>
</context>
<context>
    <name>Tour</name>
    <message>
        <location filename="../../ui/shell/tour.py" line="+120"/>
        <source>The network</source>
        <translation>A rede</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mazur&apos;s small network: 2 inputs, 2 hidden neurons, 2 outputs. Fill is a neuron&apos;s activation a, edge colour and width are the weights Θ. Hover anything to read its numbers; click an edge to change its weight or see its chain rule.</source>
        <translation>A pequena rede de Mazur: 2 entradas, 2 neurônios ocultos, 2 saídas. O preenchimento é a ativação a de um neurônio; a cor e a largura das arestas são os pesos Θ. Passe o ponteiro sobre qualquer coisa para ler seus números; clique numa aresta para mudar seu peso ou ver sua regra da cadeia.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Step through</source>
        <translation>Passo a passo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next (→) takes one micro-step of backpropagation; Back (←) replays the one before. Space plays them all.</source>
        <translation>Avançar (→) dá um micropasso da retropropagação; Voltar (←) reexibe o anterior. Espaço reproduz todos.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The timeline</source>
        <translation>A linha do tempo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every micro-step of one pass: forward, backward deltas d, the accumulators Δ, the gradient D and the update. Click a box to jump there.</source>
        <translation>Cada micropasso de uma passada: para a frente, os deltas d para trás, os acumuladores Δ, o gradiente D e a atualização. Clique numa caixa para ir até ela.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The mathematics</source>
        <translation>A matemática</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The equation of the current step with this example&apos;s numbers in it, and the matrices it uses. Follow the arithmetic by hand; it is the notes&apos; algorithm.</source>
        <translation>A equação do passo atual com os números deste exemplo, e as matrizes que ela usa. Acompanhe as contas à mão; é o algoritmo das notas.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The inspector</source>
        <translation>O inspetor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What the pointer is over: a neuron&apos;s z, a and d, or a weight&apos;s Θ and D — with the gradient check (J(θ+ε) − J(θ−ε))/2ε beside D.</source>
        <translation>O que está sob o ponteiro: z, a e d de um neurônio, ou Θ e D de um peso — com a verificação do gradiente (J(θ+ε) − J(θ−ε))/2ε ao lado de D.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Train</source>
        <translation>Treinar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>When the single step is clear, train: the network repeats it over many epochs and the cost J falls in the plot below. Help → Tour shows these cards again.</source>
        <translation>Quando o passo único estiver claro, treine: a rede o repete por muitas épocas e o custo J cai no gráfico abaixo. Ajuda → Tour mostra estes cartões de novo.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Tour</source>
        <translation>Tour &amp;guiado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A short tour of the window, one card per part</source>
        <translation>Um tour curto pela janela, um cartão por parte</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Back</source>
        <translation>Voltar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skip</source>
        <translation>Pular</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>{n} of {total}</source>
        <translation>{n} de {total}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Done</source>
        <translation>Concluir</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Next</source>
        <translation>Avançar</translation>
    </message>
</context>
<context>
    <name>TrainingPanel</name>
    <message>
        <location filename="../../ui/training/panel.py" line="+18"/>
        <source>Cost and RMSE</source>
        <translation>Custo e RMSE</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cost</source>
        <comment>dock tab</comment>
        <translation>Custo</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Pause</source>
        <translation>Pausar</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Train</source>
        <translation>Treinar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pause training; you can then step through one example with these weights</source>
        <translation>Pausar o treinamento; depois você pode percorrer um exemplo passo a passo com estes pesos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Train continuously; the plots and the network update live</source>
        <translation>Treinar sem parar; os gráficos e a rede se atualizam ao vivo</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Epoch %1</source>
        <translation>Época %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 examples/s</source>
        <translation>%1 exemplos/s</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Initial weights from Mazur&apos;s article</source>
        <translation>Pesos iniciais do artigo de Mazur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Initial weights from seed %1</source>
        <translation>Pesos iniciais da semente %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>g = %1</source>
        <translation>g = %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>α = %1</source>
        <translation>α = %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>bias weights fixed</source>
        <translation>pesos de viés fixos</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Start again from the article&apos;s weights or from random ones; the history starts again</source>
        <translation>Recomeçar com os pesos do artigo ou com pesos aleatórios; o histórico recomeça</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Training cannot run on this data: %1</source>
        <translation>O treinamento não pode rodar com estes dados: %1</translation>
    </message>
    <message>
        <location filename="wrapped_strings.py" line="+117"/>
        <location line="+1"/>
        <source>Training</source>
        <translation>Treinamento</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Learning</source>
        <translation>Aprendizado</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Random weights (next seed)</source>
        <translation>Pesos aleatórios (próxima semente)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The article&apos;s weights</source>
        <translation>Os pesos do artigo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Network</source>
        <translation>Rede</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>One epoch</source>
        <translation>Uma época</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Train one pass over all training examples</source>
        <translation>Treinar uma passada por todos os exemplos de treinamento</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reset weights</source>
        <translation>Reiniciar pesos</translation>
    </message>
    <message>
        <location filename="../../ui/training/panel.py" line="-6"/>
        <source>Draw new random initial weights from the next seed; the history starts again</source>
        <translation>Sortear novos pesos iniciais aleatórios com a próxima semente; o histórico recomeça</translation>
    </message>
    <message>
        <location filename="wrapped_strings.py" line="+3"/>
        <source>Data</source>
        <translation>Dados</translation>
    </message>
    <message>
        <location filename="../../ui/training/panel.py" line="-55"/>
        <source>Cost and accuracy</source>
        <translation>Custo e acurácia</translation>
    </message>
</context>
<context>
    <name>ViewMenu</name>
    <message>
        <location filename="../../ui/shell/view_menu.py" line="+81"/>
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
        <translation>Modo de a&amp;presentação</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Larger text, thicker lines and bigger neurons for a projector (F5)</source>
        <translation>Texto maior, linhas mais grossas e neurônios maiores para projetor (F5)</translation>
    </message>
</context>
<context>
    <name>WeightEditor</name>
    <message>
        <location filename="../../ui/maths/inspector.py" line="+48"/>
        <source>Change a weight</source>
        <translation>Mudar um peso</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chain rule…</source>
        <translation>Regra da cadeia…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show how this weight reaches J: the chain rule multiplied out to D, and J along this weight</source>
        <translation>Mostra como este peso chega a J: a regra da cadeia multiplicada até D, e J ao longo deste peso</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New value of Θ({l}){ij}</source>
        <translation>Novo valor de Θ({l}){ij}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Type a number, e.g. {x}. The whole trace is recomputed with the new weight.</source>
        <translation>Digite um número, por exemplo {x}. Todo o passo a passo é recalculado com o novo peso.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>“{t}” is not a number. Example: {x}</source>
        <translation>“{t}” não é um número. Exemplo: {x}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>“{t}” is too large: a weight must lie between −{m} and {m}.</source>
        <translation>“{t}” é grande demais: um peso deve ficar entre −{m} e {m}.</translation>
    </message>
</context>
<context>
    <name>WhatIf</name>
    <message>
        <location filename="../../ui/stepper/what_if.py" line="+42"/>
        <source>What &amp;if…</source>
        <translation>E &amp;se…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replace one line of the algorithm with a classic mistake</source>
        <translation>Troca uma linha do algoritmo por um erro clássico</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>None — the correct algorithm</source>
        <translation>Nenhum — o algoritmo correto</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Gradient check: too many weights to check here.</source>
        <translation>Verificação do gradiente: pesos demais para verificar aqui.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Θ(%1): %2</source>
        <translation>Θ(%1): %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>agrees: this D is the gradient, since the mistake changes no number here</source>
        <translation>confere: este D é o gradiente, pois aqui o erro não muda nenhum número</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>agrees: this D is the gradient — the mistake is in the update, which climbs it</source>
        <translation>confere: este D é o gradiente — o erro está na atualização, que sobe por ele</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>agrees: this D is the gradient</source>
        <translation>confere: este D é o gradiente</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>fails: this D is not the gradient of J</source>
        <translation>falha: este D não é o gradiente de J</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gradient check against this D (largest relative difference per layer): %1 — %2</source>
        <translation>Verificação do gradiente contra este D (maior diferença relativa por camada): %1 — %2</translation>
    </message>
</context>
<context>
    <name>exports</name>
    <message>
        <location filename="wrapped_strings.py" line="-160"/>
        <source>There is no network canvas to export.</source>
        <translation>Não há desenho da rede para exportar.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Backprop Visualizer network</source>
        <translation>Rede do Backprop Visualizer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The step-through is not available in this window.</source>
        <translation>O passo a passo não está disponível nesta janela.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>There is no step to animate.</source>
        <translation>Não há passo para animar.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SVG export needs the QtSvg module, which this Qt lacks.</source>
        <translation>Exportar SVG requer o módulo QtSvg, que este Qt não tem.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GIF export needs the Pillow package (pip install Pillow).</source>
        <translation>Exportar GIF requer o pacote Pillow (pip install Pillow).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0}: unknown image format {1}; use .png, .jpg or .bmp</source>
        <translation>{0}: formato de imagem desconhecido {1}; use .png, .jpg ou .bmp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(none)</source>
        <translation>(nenhum)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Could not write the image {0}.</source>
        <translation>Não foi possível gravar a imagem {0}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>Could not write the drawing {0}.</source>
        <translation>Não foi possível gravar o desenho {0}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Could not write {0}: {1}</source>
        <translation>Não foi possível gravar {0}: {1}</translation>
    </message>
</context>
</TS>
